using Booking.Core.TicketedEvents;

namespace Booking.Core.Auditing;

/// <summary>
/// Folds one ticketed event's stream event by event and checks every <see cref="AuditRule"/> at every version.
/// Pure: it is fed what the store holds (events in stream order, the stream row's version, the status document).
/// </summary>
public static class StreamAudit
{
    public static IReadOnlyList<AuditViolation> Check(
        string streamId, IReadOnlyList<(long Version, object Data)> events, long? streamRowVersion, TicketedEventStatus? status)
    {
        ArgumentNullException.ThrowIfNull(events);
        var violations = new List<AuditViolation>();
        var state = TicketedEventState.Initial;
        object? previous = null;
        for (var i = 0; i < events.Count; i++)
        {
            var (version, data) = events[i];
            void Fail(AuditRule rule, string detail) => violations.Add(new AuditViolation(streamId, version, rule, detail));

            if (version != i + 1)
                Fail(AuditRule.ContiguousVersions, $"expected version {i + 1}, found {version}");
            CheckBefore(state, data, previous, Fail);
            state = TicketedEventState.Evolve(state, data);
            var decisionEnds = i + 1 == events.Count || events[i + 1].Data is not WaitlistPromoted;
            if (decisionEnds && state.Exists && state.Available > 0 && state.WaitingCount > 0)
                Fail(AuditRule.NoFreeSeatWhileWaiting, $"{state.Available} seat(s) free while {state.WaitingCount} wait");
            previous = data;
        }

        CheckReadModels(streamId, events.Count, state, streamRowVersion, status, violations);
        return violations;
    }

    private static void CheckBefore(TicketedEventState state, object data, object? previous, Action<AuditRule, string> fail)
    {
        if (data is TicketsInitialized != !state.Exists)
        {
            fail(AuditRule.InitializedFirst, state.Exists ? "initialized again" : $"{data.GetType().Name} before TicketsInitialized");
            return;
        }

        switch (data)
        {
            case TicketBooked(var user) when state.IsBooked(user) || state.IsWaiting(user):
                fail(AuditRule.OneEntryPerUser, $"user {user.Value} booked while already {(state.IsBooked(user) ? "booked" : "waiting")}");
                break;
            case WaitlistJoined(var user) when state.IsBooked(user) || state.IsWaiting(user):
                fail(AuditRule.OneEntryPerUser, $"user {user.Value} waitlisted while already {(state.IsBooked(user) ? "booked" : "waiting")}");
                break;
            case TicketBooked(var user) when state.Available <= 0:
                fail(AuditRule.NoOversell, $"user {user.Value} booked with no seat free");
                break;
            case WaitlistJoined(var user) when state.Available > 0:
                fail(AuditRule.NoFreeSeatWhileWaiting, $"user {user.Value} waitlisted while {state.Available} seat(s) free");
                break;
            case BookingCancelled(var user) when !state.IsBooked(user):
                fail(AuditRule.CancelMatchesEntry, $"user {user.Value} cancelled without a booking");
                break;
            case WaitlistLeft(var user) when !state.IsWaiting(user):
                fail(AuditRule.CancelMatchesEntry, $"user {user.Value} left a waiting list they were not on");
                break;
            case WaitlistPromoted(var user) when previous is not BookingCancelled:
                fail(AuditRule.FifoPromotion, $"user {user.Value} promoted without a cancellation freeing a seat");
                break;
            case WaitlistPromoted(var user) when state.FirstWaiting != user:
                fail(AuditRule.FifoPromotion, state.IsBooked(user)
                    ? $"user {user.Value} promoted twice"
                    : $"user {user.Value} promoted ahead of user {state.FirstWaiting?.Value}");
                break;
        }
    }

    private static void CheckReadModels(
        string streamId, int count, TicketedEventState state, long? streamRowVersion, TicketedEventStatus? status, List<AuditViolation> violations)
    {
        if (streamRowVersion != count)
            violations.Add(new AuditViolation(streamId, count, AuditRule.StreamRowAgrees, $"stream row at version {streamRowVersion?.ToString() ?? "(none)"}, stream has {count} events"));
        if (!state.Exists)
            return;
        var folded = TicketedEventStatus.From(state);
        if (status != folded)
            violations.Add(new AuditViolation(streamId, count, AuditRule.StatusAgrees, $"status read model {Describe(status)} but the stream folds to {Describe(folded)}"));
    }

    private static string Describe(TicketedEventStatus? s) =>
        s is null ? "(missing)" : $"v{s.Version}: {s.AvailableTickets}/{s.TotalTickets} available, {s.WaitingListCount} waiting";
}
