using Booking.Core.Auditing;
using Booking.Core.TicketedEvents;
using Booking.Web.Tests.Hosting;

namespace Booking.Web.Tests.Reliability.Histories;

/// <summary>
/// A recorded history judged against what the store holds afterwards: each stream's own invariants (the same
/// <see cref="StoreAudit"/> the operators run, status document and stream row included), then the answers against
/// the log (<see cref="HistoryChecker"/>).
/// </summary>
public sealed record HistoryVerdict(
    IReadOnlyList<Operation> Operations,
    IReadOnlyList<AuditViolation> AuditViolations,
    IReadOnlyList<HistoryViolation> HistoryViolations,
    IReadOnlyDictionary<long, IReadOnlyList<LoggedEvent>> Streams)
{
    public int EventsChecked => Streams.Values.Sum(s => s.Count);

    public static async Task<HistoryVerdict> JudgeAsync(BookingHost host, IReadOnlyList<Operation> operations, IEnumerable<long> eventIds)
    {
        ArgumentNullException.ThrowIfNull(host);
        var audit = new StoreAudit(host.Store);
        var audits = new List<AuditViolation>();
        var streams = new Dictionary<long, IReadOnlyList<LoggedEvent>>();
        foreach (var eventId in eventIds.Union(operations.Select(o => o.EventId)))
        {
            streams[eventId] = [.. (await host.ReadStreamAsync(eventId)).Select(LoggedEvent.From)];
            if (streams[eventId].Count > 0)
                audits.AddRange(await audit.AuditAsync(new TicketedEventId(eventId), CancellationToken.None));
        }

        return new(operations, audits, HistoryChecker.Check(operations, streams), streams);
    }

    /// <summary>Fails with every violation listed, and <paramref name="context"/> (the seed) to reproduce it.</summary>
    public void ShouldBeClean(string context)
    {
        if (AuditViolations.Count == 0 && HistoryViolations.Count == 0)
            return;
        context = $"{context}; the whole history is in {WriteHistory()}";
        AuditViolations.ShouldBeEmpty($"{context}\n{string.Join("\n", AuditViolations.Take(20))}");
        HistoryViolations.ShouldBeEmpty($"{context}\n{string.Join("\n", HistoryViolations.Take(20))}");
    }

    // Every request in the order it was sent, then every stream: what a failure is diagnosed from.
    private string WriteHistory()
    {
        var path = Path.Combine(Path.GetTempPath(), $"eventbooking-history-{Guid.NewGuid():N}.tsv");
        var lines = new List<string> { "sent\tanswered\tclient\tevent\tuser\tkind\toutcome\tstatus\trequest\tbody" };
        lines.AddRange(Operations.OrderBy(o => o.InvokedAt).Select(o =>
            $"{o.InvokedAt}\t{o.CompletedAt}\t{o.Client}\t{o.EventId}\t{o.UserId}\t{o.Kind}\t{o.Answer.Outcome}\t{o.Answer.StatusCode}\t{o.Id}\t{o.Answer.Body}"));
        lines.Add(string.Empty);
        lines.Add("event\tversion\ttype\tuser\trequest");
        lines.AddRange(Streams.SelectMany(s => s.Value.Select(e => $"{s.Key}\t{e.Version}\t{e.Data.GetType().Name}\t{e.UserId}\t{e.CorrelationId}")));
        File.WriteAllLines(path, lines);
        return path;
    }
}
