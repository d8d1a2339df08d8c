using Booking.Core.TicketedEvents;

namespace Booking.Core.Auditing;

/// <summary>
/// Folds one ticketed event's stream event by event and checks every <see cref="AuditRule"/> at every version.
/// Pure and incremental: feed it the stream in order with <see cref="Observe"/>, then the stream row's version
/// and the status document with <see cref="Finish"/>.
/// </summary>
public sealed class StreamAudit(string streamId)
{
    private readonly List<AuditViolation> _violations = [];
    private TicketedEventState _state = TicketedEventState.Initial;
    private TicketedEventEvent? _previous;

    // Whether the promotions now being observed follow a capacity raise (rather than a cancellation).
    private bool _afterRaise;
    private long _count;

    public string StreamId { get; } = streamId;

    /// <summary>Audits a whole stream at once.</summary>
    public static IReadOnlyList<AuditViolation> Check(
        string streamId, IEnumerable<(long Version, TicketedEventEvent Data)> events, long? streamRowVersion, TicketedEventStatus? status)
    {
        ArgumentNullException.ThrowIfNull(events);
        var audit = new StreamAudit(streamId);
        foreach (var (version, data) in events)
            audit.Observe(version, data);
        return audit.Finish(streamRowVersion, status);
    }

    public void Observe(long version, TicketedEventEvent data)
    {
        ArgumentNullException.ThrowIfNull(data);
        // The previous decision ends here unless this event promotes into the seat it freed.
        if (_previous is not null && data is not WaitlistPromoted)
            CheckNoFreeSeatWhileWaiting();

        _count++;
        if (version != _count)
            Fail(AuditRule.ContiguousVersions, $"expected version {_count}, found {version}", version);
        CheckBefore(data, version);
        _afterRaise = data is CapacityChanged || (data is WaitlistPromoted && _afterRaise);
        _state = TicketedEventState.Evolve(_state, data);
        _previous = data;
    }

    public IReadOnlyList<AuditViolation> Finish(long? streamRowVersion, TicketedEventStatus? status)
    {
        if (_previous is not null)
            CheckNoFreeSeatWhileWaiting();
        if (streamRowVersion != _count)
            Fail(AuditRule.StreamRowAgrees, $"stream row at version {streamRowVersion?.ToString() ?? "(none)"}, stream has {_count} events", _count);
        if (_state.Exists && status != TicketedEventStatus.From(_state))
            Fail(AuditRule.StatusAgrees, $"status read model {Describe(status)} but the stream folds to {Describe(TicketedEventStatus.From(_state))}", _count);
        return _violations;
    }

    private void CheckNoFreeSeatWhileWaiting()
    {
        if (_state.Exists && _state.Available > 0 && _state.WaitingCount > 0)
            Fail(AuditRule.NoFreeSeatWhileWaiting, $"{_state.Available} seat(s) free while {_state.WaitingCount} wait", _count);
    }

    private void CheckBefore(TicketedEventEvent data, long version)
    {
        var state = _state;
        if (data is TicketsInitialized != !state.Exists)
        {
            Fail(AuditRule.InitializedFirst, state.Exists ? "initialized again" : $"{data.GetType().Name} before TicketsInitialized", version);
            return;
        }

        var (rule, detail) = data switch
        {
            TicketBooked(var user) when state.IsBooked(user) || state.IsWaiting(user) =>
                (AuditRule.OneEntryPerUser, $"user {user.Value} booked while already {(state.IsBooked(user) ? "booked" : "waiting")}"),
            WaitlistJoined(var user) when state.IsBooked(user) || state.IsWaiting(user) =>
                (AuditRule.OneEntryPerUser, $"user {user.Value} waitlisted while already {(state.IsBooked(user) ? "booked" : "waiting")}"),
            TicketBooked(var user) when !state.SalesOpen => (AuditRule.NoSalesWhileClosed, $"user {user.Value} booked while sales were closed"),
            WaitlistJoined(var user) when !state.SalesOpen => (AuditRule.NoSalesWhileClosed, $"user {user.Value} waitlisted while sales were closed"),
            TicketBooked(var user) when state.Available <= 0 => (AuditRule.NoOversell, $"user {user.Value} booked with no seat free"),
            CapacityChanged(var total) when total < state.BookedCount =>
                (AuditRule.CapacityCoversBookings, $"capacity set to {total} with {state.BookedCount} seats booked"),
            WaitlistJoined(var user) when state.Available > 0 =>
                (AuditRule.NoFreeSeatWhileWaiting, $"user {user.Value} waitlisted while {state.Available} seat(s) free"),
            BookingCancelled(var user) when !state.IsBooked(user) => (AuditRule.CancelMatchesEntry, $"user {user.Value} cancelled without a booking"),
            WaitlistLeft(var user) when !state.IsWaiting(user) => (AuditRule.CancelMatchesEntry, $"user {user.Value} left a waiting list they were not on"),
            WaitlistPromoted(var user) when _previous is not (BookingCancelled or CapacityChanged) && !_afterRaise =>
                (AuditRule.FifoPromotion, $"user {user.Value} promoted without a cancellation or a capacity raise freeing a seat"),
            WaitlistPromoted(var user) when state.FirstWaiting != user => (AuditRule.FifoPromotion, state.IsBooked(user)
                ? $"user {user.Value} promoted twice"
                : $"user {user.Value} promoted ahead of user {state.FirstWaiting?.Value}"),
            WaitlistPromoted(var user) when state.Available <= 0 => (AuditRule.NoOversell, $"user {user.Value} promoted with no seat free"),
            _ => ((AuditRule?)null, string.Empty),
        };
        if (rule is { } broken)
            Fail(broken, detail, version);
    }

    private void Fail(AuditRule rule, string detail, long version) => _violations.Add(new AuditViolation(StreamId, version, rule, detail));

    private static string Describe(TicketedEventStatus? s) =>
        s is null ? "(missing)" : $"v{s.Version}: {s.AvailableTickets}/{s.TotalTickets} available, {s.WaitingListCount} waiting";
}
