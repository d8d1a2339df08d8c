using Booking.Core.TicketedEvents;

namespace EventBooking.Testing.Histories;

/// <summary>
/// Checks a recorded history of requests and answers against the streams it left behind, ticketed event by
/// ticketed event (the stream's own invariants are <see cref="Booking.Core.Auditing.StreamAudit"/>'s job). Events
/// are tied to requests by correlation id, so the check is exact: every acknowledged answer has exactly its events,
/// every event exactly one request, rejections none, and the log order respects real time (a linearizability check
/// where each request's events are its linearization point and each rejection must have been true at some settled
/// version while it was in flight). <see cref="HistoryOptions"/> says what the run allows besides: 503s that may have
/// committed, requests delivered twice.
/// </summary>
public sealed partial class HistoryChecker
{
    private readonly long _eventId;
    private readonly HistoryOptions _options;
    private readonly IReadOnlyList<Operation> _operations;
    private readonly IReadOnlyList<LoggedEvent> _log;
    private readonly TicketedEventState[] _states;
    private readonly Dictionary<Guid, (long First, long Last)> _spans = [];
    private readonly List<HistoryViolation> _violations = [];

    private HistoryChecker(long eventId, HistoryOptions options, IReadOnlyList<Operation> operations, IReadOnlyList<LoggedEvent> log)
    {
        _eventId = eventId;
        _options = options;
        _operations = operations;
        _log = log;
        // _states[p] is the fold after the first p events: log positions are 1-based like versions.
        _states = new TicketedEventState[log.Count + 1];
        _states[0] = TicketedEventState.Initial;
        for (var p = 1; p <= log.Count; p++)
            _states[p] = TicketedEventState.Evolve(_states[p - 1], log[p - 1].Data);
    }

    /// <summary>Every violation of every <see cref="HistoryRule"/>, for each ticketed event in either argument.</summary>
    public static IReadOnlyList<HistoryViolation> Check(
        IEnumerable<Operation> operations, IReadOnlyDictionary<long, IReadOnlyList<LoggedEvent>> streams, HistoryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var byEvent = operations.GroupBy(o => o.EventId).ToDictionary(g => g.Key, g => (IReadOnlyList<Operation>)[.. g]);
        var violations = new List<HistoryViolation>();
        foreach (var eventId in byEvent.Keys.Union(streams.Keys))
        {
            var checker = new HistoryChecker(
                eventId, options, byEvent.GetValueOrDefault(eventId, []), streams.GetValueOrDefault(eventId, []));
            violations.AddRange(checker.Run());
        }

        return violations;
    }

    private List<HistoryViolation> Run()
    {
        MatchEventsToRequests();
        CheckRealTimeOrder();
        CheckRejections();
        CheckPerUserOrder();
        return _violations;
    }

    private void MatchEventsToRequests()
    {
        var requests = _operations.ToDictionary(o => o.Id);
        var caused = _log.Select((e, i) => (Event: e, Position: i + 1L))
            .Where(x => x.Event.Data is not TicketsInitialized)
            .GroupBy(x => x.Event.CorrelationId);
        foreach (var group in caused)
        {
            var events = group.ToList();
            if (group.Key is not { } id || !requests.TryGetValue(id, out var operation))
            {
                foreach (var (e, position) in events)
                    Fail(HistoryRule.EventHasRequest, $"{Describe(e, position)} has no request (correlation id {group.Key?.ToString() ?? "none"})");
                continue;
            }

            if (LeavesNoEvent(operation) is { } rule)
            {
                Fail(rule, $"{Describe(operation)} left {Describe(events)}");
                continue;
            }

            _spans[id] = (events[0].Position, events[^1].Position);
            if (operation.Answer.IsRejected)
                CheckRedelivery(operation, events);
            else
                CheckEvents(operation, events);
        }

        foreach (var operation in _operations)
        {
            if (operation.Answer.IsAcknowledged && !_spans.ContainsKey(operation.Id))
                Fail(HistoryRule.AnswerMatchesEvents, $"{Describe(operation)} has no event in the stream");
            if (operation.Answer.Outcome == Outcome.Unexpected)
                Fail(HistoryRule.DocumentedAnswer, $"{Describe(operation)}: {operation.Answer.StatusCode} {operation.Answer.Body}");
        }
    }

    // The rule an answer breaks by leaving any event, if it may leave none.
    private HistoryRule? LeavesNoEvent(Operation operation) => operation.Answer.Outcome switch
    {
        Outcome.NotSent => HistoryRule.RejectionLeavesNoEvent,
        _ when operation.Answer.IsRejected && !(_options.RedeliveryPossible && operation.Answer.Outcome != Outcome.EventNotFound) =>
            HistoryRule.RejectionLeavesNoEvent,
        Outcome.Unavailable when !_options.UnavailableMayHaveCommitted => HistoryRule.UnavailableLeavesNoEvent,
        _ => null,
    };

    // A second delivery answered "already ...": the first one's events must be what the command can cause.
    // RejectionJustified then checks that the answer was true once they were written.
    private void CheckRedelivery(Operation operation, List<(LoggedEvent Event, long Position)> events)
    {
        var first = events[0].Position;
        if (!events.Select((e, i) => e.Position == first + i).All(x => x) || !MayHaveCaused(operation, [.. events.Select(e => e.Event.Data)]))
            Fail(HistoryRule.RejectionLeavesNoEvent, $"{Describe(operation)} left {Describe(events)}, which no delivery of it can cause");
    }

    private void CheckEvents(Operation operation, List<(LoggedEvent Event, long Position)> events)
    {
        var data = events.Select(e => e.Event.Data).ToList();
        var first = events[0].Position;
        var consecutive = events.Select((e, i) => e.Position == first + i).All(x => x);
        if (!consecutive || !Matches(operation, data))
        {
            Fail(HistoryRule.AnswerMatchesEvents, $"{Describe(operation)} left {Describe(events)}");
            return;
        }

        var after = _states[events[^1].Position];
        var answer = operation.Answer;
        var agrees = answer.Outcome switch
        {
            Outcome.Waitlisted => answer.Position == after.WaitingCount,
            Outcome.Cancelled or Outcome.LeftWaitlist =>
                answer.AvailableTickets == after.Available && answer.WaitingListCount == after.WaitingCount,
            _ => true,
        };
        if (!agrees)
        {
            Fail(HistoryRule.AnswerMatchesFold,
                $"{Describe(operation)} but after v{events[^1].Event.Version} the stream folds to {after.Available} free, {after.WaitingCount} waiting");
        }
    }

    // Whether the events are what the answer stands for; a request without a definite answer may have caused
    // anything its command can cause, or nothing.
    private static bool Matches(Operation operation, List<TicketedEventEvent> events)
    {
        var user = new UserId(operation.UserId);
        var answer = operation.Answer;
        return (answer.Outcome, events) switch
        {
            (Outcome.Booked, [TicketBooked b]) => b.UserId == user,
            (Outcome.Waitlisted, [WaitlistJoined j]) => j.UserId == user,
            (Outcome.Cancelled, [BookingCancelled c]) => c.UserId == user && answer.PromotedUserId is null,
            (Outcome.Cancelled, [BookingCancelled c, WaitlistPromoted p]) => c.UserId == user && answer.PromotedUserId == p.UserId.Value,
            (Outcome.LeftWaitlist, [WaitlistLeft l]) => l.UserId == user,
            (Outcome.Indeterminate or Outcome.Unavailable or Outcome.Unexpected, _) => MayHaveCaused(operation, events),
            _ => false,
        };
    }

    private static bool MayHaveCaused(Operation operation, List<TicketedEventEvent> events) =>
        (operation.Kind == OperationKind.Book
            ? events is [TicketBooked or WaitlistJoined]
            : events is [BookingCancelled or WaitlistLeft] or [BookingCancelled, WaitlistPromoted])
        && LoggedEvent.UserOf(events[0]) == operation.UserId;

    private void Fail(HistoryRule rule, string detail) => _violations.Add(new HistoryViolation(_eventId, rule, detail));

    private static string Describe(Operation o)
    {
        var answer = o.Answer.Outcome switch
        {
            Outcome.Waitlisted => $"waitlisted at {o.Answer.Position}",
            Outcome.Cancelled when o.Answer.PromotedUserId is { } promoted => $"cancelled, promoting user {promoted}",
            var outcome => outcome.ToString(),
        };
        return $"{o.Kind} of user {o.UserId} by client {o.Client} (request {o.Id}) answered {answer}";
    }

    private static string Describe(LoggedEvent e, long position) => $"{e.Data.GetType().Name}({e.UserId}) at v{e.Version} (#{position})";

    private static string Describe(IEnumerable<(LoggedEvent Event, long Position)> events) =>
        string.Join(", ", events.Select(e => Describe(e.Event, e.Position)));
}
