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
    IReadOnlyList<AuditViolation> AuditViolations,
    IReadOnlyList<HistoryViolation> HistoryViolations,
    IReadOnlyDictionary<Guid, IReadOnlyList<LoggedEvent>> Streams)
{
    public int EventsChecked => Streams.Values.Sum(s => s.Count);

    public static async Task<HistoryVerdict> JudgeAsync(BookingHost host, IReadOnlyList<Operation> operations, IEnumerable<Guid> eventIds)
    {
        ArgumentNullException.ThrowIfNull(host);
        var audit = new StoreAudit(host.Store);
        var audits = new List<AuditViolation>();
        var streams = new Dictionary<Guid, IReadOnlyList<LoggedEvent>>();
        foreach (var eventId in eventIds.Union(operations.Select(o => o.EventId)))
        {
            streams[eventId] = [.. (await host.ReadStreamAsync(eventId)).Select(LoggedEvent.From)];
            if (streams[eventId].Count > 0)
                audits.AddRange(await audit.AuditAsync(new TicketedEventId(eventId), CancellationToken.None));
        }

        return new(audits, HistoryChecker.Check(operations, streams), streams);
    }

    /// <summary>Fails with every violation listed, and <paramref name="context"/> (the seed) to reproduce it.</summary>
    public void ShouldBeClean(string context)
    {
        AuditViolations.ShouldBeEmpty($"{context}\n{string.Join("\n", AuditViolations.Take(20))}");
        HistoryViolations.ShouldBeEmpty($"{context}\n{string.Join("\n", HistoryViolations.Take(20))}");
    }
}
