using Booking.Core.Auditing;
using Booking.Core.TicketedEvents;
using EventStore;

namespace EventBooking.Testing.Histories;

/// <summary>
/// A recorded history judged against the streams it left behind: each stream's own invariants (the
/// <see cref="StreamAudit"/> the operators run: no oversell, one entry per user, FIFO promotions, ...), then the answers
/// against the log (<see cref="HistoryChecker"/>).
/// </summary>
public sealed record HistoryVerdict(
    IReadOnlyList<Operation> Operations,
    IReadOnlyList<AuditViolation> AuditViolations,
    IReadOnlyList<HistoryViolation> HistoryViolations,
    IReadOnlyDictionary<long, IReadOnlyList<LoggedEvent>> Streams)
{
    private const int PageSize = 10_000;

    public int EventsChecked => Streams.Values.Sum(s => s.Count);

    public bool Holds => AuditViolations.Count == 0 && HistoryViolations.Count == 0;

    /// <summary>How many requests got each outcome, and how many events were checked: what a run's output reports.</summary>
    public string Figures =>
        $"{Operations.Count} requests: " +
        string.Join(", ", Operations.CountBy(o => o.Answer.Outcome).OrderBy(c => c.Key).Select(c => $"{c.Value} {c.Key}")) +
        $"; {WrittenWithoutAnswer} of those without a definite answer written; {EventsChecked} recorded events checked";

    /// <summary>Requests that got no answer or a 503 and were written all the same (allowed, and worth reporting).</summary>
    public int WrittenWithoutAnswer =>
        Operations.Count(o => o.Answer.Outcome is Outcome.Indeterminate or Outcome.Unavailable && Caused(o));

    /// <summary>
    /// Judges a history against what <paramref name="store"/> holds for every ticketed event named by
    /// <paramref name="eventIds"/> or by an operation: streams, stream rows and status documents.
    /// </summary>
    public static async Task<HistoryVerdict> JudgeAsync(
        IEventStore store, IReadOnlyList<Operation> operations, IEnumerable<long> eventIds, HistoryOptions options)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(operations);
        var audit = new StoreAudit(store);
        var audits = new List<AuditViolation>();
        var streams = new Dictionary<long, IReadOnlyList<LoggedEvent>>();
        foreach (var eventId in eventIds.Union(operations.Select(o => o.EventId)))
        {
            streams[eventId] = await ReadStreamAsync(store, eventId);
            if (streams[eventId].Count > 0)
                audits.AddRange(await audit.AuditAsync(new TicketedEventId(eventId), CancellationToken.None));
        }

        return new(operations, audits, HistoryChecker.Check(operations, streams, options), streams);
    }

    /// <summary>Judges a history against streams held in memory (their stream rows and status documents taken as agreeing).</summary>
    public static HistoryVerdict Judge(
        IReadOnlyList<Operation> operations, IReadOnlyDictionary<long, IReadOnlyList<LoggedEvent>> streams, HistoryOptions options)
    {
        ArgumentNullException.ThrowIfNull(streams);
        var audits = streams.Where(s => s.Value.Count > 0).SelectMany(s =>
        {
            var fold = TicketedEventState.Fold(s.Value.Select(e => e.Data));
            return StreamAudit.Check(
                new TicketedEventId(s.Key).StreamId, s.Value.Select(e => (e.Version, e.Data)), s.Value.Count, TicketedEventStatus.From(fold));
        });
        return new(operations, [.. audits], HistoryChecker.Check(operations, streams, options), streams);
    }

    /// <summary>The fold of one ticketed event's stream.</summary>
    public TicketedEventState Fold(long eventId) => TicketedEventState.Fold(Streams.GetValueOrDefault(eventId, []).Select(e => e.Data));

    /// <summary>Fails with every violation listed, and <paramref name="context"/> (the seed) to reproduce it.</summary>
    public void ShouldBeClean(string context)
    {
        if (Holds)
            return;
        context = $"{context}; the whole history is in {WriteHistory()}";
        AuditViolations.ShouldBeEmpty($"{context}\n{string.Join("\n", AuditViolations.Take(20))}");
        HistoryViolations.ShouldBeEmpty($"{context}\n{string.Join("\n", HistoryViolations.Take(20))}");
    }

    /// <summary>"no violations", or how many and the first <paramref name="max"/> of them.</summary>
    public string Describe(int max) => Holds
        ? "no violations"
        : $"{AuditViolations.Count + HistoryViolations.Count} violation(s):\n" +
          string.Join('\n', AuditViolations.Take(max).Select(v => $"audit: {v}").Concat(HistoryViolations.Take(max).Select(v => v.ToString())));

    /// <summary>Every request in the order it was sent, then every stream: what a failure is diagnosed from.</summary>
    public string WriteHistory()
    {
        var path = Path.Combine(Path.GetTempPath(), $"eventbooking-history-{Guid.NewGuid():N}.tsv");
        var lines = new List<string> { "sent\tanswered\tclient\tendpoint\tevent\tuser\tkind\toutcome\tstatus\trequest\tbody" };
        lines.AddRange(Operations.OrderBy(o => o.InvokedAt).Select(o =>
            $"{o.InvokedAt}\t{o.CompletedAt}\t{o.Client}\t{o.Endpoint}\t{o.EventId}\t{o.UserId}\t{o.Kind}\t{o.Answer.Outcome}\t{o.Answer.StatusCode}\t{o.Id}\t{o.Answer.Body}"));
        lines.Add(string.Empty);
        lines.Add("event\tversion\ttype\tuser\trequest");
        lines.AddRange(Streams.SelectMany(s => s.Value.Select(e => $"{s.Key}\t{e.Version}\t{e.Data.GetType().Name}\t{e.UserId}\t{e.CorrelationId}")));
        File.WriteAllLines(path, lines);
        return path;
    }

    private bool Caused(Operation operation) =>
        Streams.GetValueOrDefault(operation.EventId, []).Any(e => e.CorrelationId == operation.Id);

    private static async Task<IReadOnlyList<LoggedEvent>> ReadStreamAsync(IEventStore store, long eventId)
    {
        var events = new List<LoggedEvent>();
        for (var from = 1L; ;)
        {
            var page = await store.ReadStreamAsync(new TicketedEventId(eventId).StreamId, from, PageSize);
            events.AddRange(page.Select(LoggedEvent.From));
            if (page.Count < PageSize)
                return events;
            from = page[^1].Version + 1;
        }
    }
}
