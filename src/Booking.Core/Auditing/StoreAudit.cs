using Booking.Core.Projections;
using Booking.Core.Serialization;
using Booking.Core.TicketedEvents;
using EventStore;

namespace Booking.Core.Auditing;

/// <summary>Runs <see cref="StreamAudit"/> over what the store holds: one ticketed event, or every one in global order.</summary>
public sealed class StoreAudit(IEventStore store)
{
    private const int PageSize = 5_000;

    /// <summary>The violations of one ticketed event's stream, its stream row and its status document.</summary>
    public async Task<IReadOnlyList<AuditViolation>> AuditAsync(TicketedEventId id, CancellationToken cancellationToken)
    {
        var audit = new StreamAudit(id.StreamId);
        for (var from = 1L; ;)
        {
            var page = await store.ReadStreamAsync(id.StreamId, from, PageSize, cancellationToken).ConfigureAwait(false);
            foreach (var recorded in page)
                audit.Observe(recorded.Version, recorded.TicketedEvent());
            if (page.Count < PageSize)
                break;
            from = page[^1].Version + 1;
        }

        return await FinishAsync(audit, id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Audits every ticketed event, reading the global order once; returns the streams audited and the violations.</summary>
    public async Task<(int Streams, IReadOnlyList<AuditViolation> Violations, ScanProgress Progress)> AuditAllAsync(
        IProgress<ScanProgress>? progress, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var head = await store.ReadHeadPositionAsync(cancellationToken).ConfigureAwait(false);
        var audits = new Dictionary<string, StreamAudit>(StringComparer.Ordinal);
        var (position, read) = (0L, 0L);
        while (true)
        {
            var page = await store.ReadAllAsync(position + 1, PageSize, cancellationToken).ConfigureAwait(false);
            if (page.Count == 0)
                break;
            foreach (var recorded in page)
            {
                if (TicketedEventId.FromStreamId(recorded.StreamId) is null)
                    continue;
                if (!audits.TryGetValue(recorded.StreamId, out var audit))
                    audits[recorded.StreamId] = audit = new StreamAudit(recorded.StreamId);
                audit.Observe(recorded.Version, recorded.TicketedEvent());
            }

            (position, read) = (page[^1].Position, read + page.Count);
            progress?.Report(new ScanProgress(read, position, Math.Max(head, position), clock.Elapsed));
        }

        var violations = new List<AuditViolation>();
        foreach (var audit in audits.Values)
        {
            violations.AddRange(await FinishAsync(audit, TicketedEventId.FromStreamId(audit.StreamId)!.Value, cancellationToken).ConfigureAwait(false));
        }

        return (audits.Count, violations, new ScanProgress(read, position, Math.Max(head, position), clock.Elapsed));
    }

    private async Task<IReadOnlyList<AuditViolation>> FinishAsync(StreamAudit audit, TicketedEventId id, CancellationToken cancellationToken)
    {
        var row = await store.GetStreamAsync(audit.StreamId, cancellationToken).ConfigureAwait(false);
        var status = await store.LoadDocumentAsync<TicketedEventStatus>(BookingEventTypes.StatusProjection, id.DocumentKey, cancellationToken).ConfigureAwait(false);
        return audit.Finish(row?.Version, status?.Document);
    }
}
