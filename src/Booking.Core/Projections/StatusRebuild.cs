using System.Diagnostics;
using Booking.Core.Serialization;
using Booking.Core.TicketedEvents;
using EventStore;

namespace Booking.Core.Projections;

/// <summary>
/// Rebuilds the status read model from the global order: into the shadow table with a checkpoint every
/// <see cref="CheckpointEvery"/> events (interruptible, resumable), then an atomic swap, then a catch-up of what
/// committed meanwhile that never overwrites a newer document written inline by the service.
/// </summary>
public sealed class StatusRebuild(
    IEventStore store, IProjectionRebuilds rebuilds, int pageSize = StatusRebuild.PageSize, int checkpointEvery = StatusRebuild.CheckpointEvery)
{
    // Small enough that a page dies young (20,000-event pages of full events were promoted to gen 2 and cost full
    // collections).
    public const int PageSize = 5_000;

    // Each checkpoint is a committed (fsynced) write of the changed documents; one per page cost a third of the time.
    // An interrupted rebuild redoes at most this many events.
    public const int CheckpointEvery = 50_000;
    private const string StreamPrefix = "ticketed-event-";

    public async Task<ScanProgress> RunAsync(bool restart, IProgress<ScanProgress>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var checkpoint = await rebuilds.BeginRebuildAsync(BookingEventTypes.StatusProjection, restart, cancellationToken).ConfigureAwait(false);
        var documents = (await rebuilds.LoadRebuildDocumentsAsync<TicketedEventStatus>(BookingEventTypes.StatusProjection, cancellationToken).ConfigureAwait(false))
            .ToDictionary(d => d.Document.EventId.StreamId, d => d.Document, StringComparer.Ordinal);
        var head = await store.ReadHeadPositionAsync(cancellationToken).ConfigureAwait(false);
        var applied = 0L;

        (checkpoint, applied) = await ApplyAsync(checkpoint, applied, documents, (changed, position) =>
            rebuilds.WriteRebuildAsync(BookingEventTypes.StatusProjection, changed, position, cancellationToken), head, clock, progress, cancellationToken).ConfigureAwait(false);
        await rebuilds.SwapInAsync(BookingEventTypes.StatusProjection, cancellationToken).ConfigureAwait(false);
        (checkpoint, applied) = await ApplyAsync(checkpoint, applied, documents, (changed, _) =>
            rebuilds.WriteIfNewerAsync(BookingEventTypes.StatusProjection, changed, cancellationToken), head, clock, progress, cancellationToken).ConfigureAwait(false);

        return new ScanProgress(applied, checkpoint, Math.Max(head, checkpoint), clock.Elapsed);
    }

    private async Task<(long Checkpoint, long Applied)> ApplyAsync(
        long checkpoint, long applied, Dictionary<string, TicketedEventStatus> documents, Func<IReadOnlyList<VersionedDocument>, long, Task> write,
        long head, Stopwatch clock, IProgress<ScanProgress>? progress, CancellationToken cancellationToken)
    {
        // Headers only: the status counts events by type, so only TicketsInitialized payloads leave the database.
        // The next page is requested before this one is folded, so the server reads while we work.
        var next = rebuilds.ReadAllHeadersAsync(checkpoint + 1, pageSize, StatusProjection.PayloadTypes, cancellationToken);
        var changed = new Dictionary<string, TicketedEventStatus>(StringComparer.Ordinal);
        var (folded, sinceCheckpoint) = (checkpoint, 0);
        while (true)
        {
            var page = await next.ConfigureAwait(false);
            if (page.Count > 0)
            {
                next = rebuilds.ReadAllHeadersAsync(page[^1].Position + 1, pageSize, StatusProjection.PayloadTypes, cancellationToken);
                foreach (var header in page)
                {
                    if (!header.StreamId.StartsWith(StreamPrefix, StringComparison.Ordinal))
                        continue;
                    documents.TryGetValue(header.StreamId, out var current);
                    if (StatusProjection.Apply(current, header.EventType, header.Data) is { } status)
                        changed[header.StreamId] = documents[header.StreamId] = status;
                }

                folded = page[^1].Position;
                sinceCheckpoint += page.Count;
                applied += page.Count;
            }

            if (sinceCheckpoint >= checkpointEvery || (page.Count == 0 && sinceCheckpoint > 0))
            {
                await write([.. changed.Values.Select(d => new VersionedDocument(d.EventId.Value.ToString(), d, d.Version))], folded).ConfigureAwait(false);
                (checkpoint, sinceCheckpoint) = (folded, 0);
                changed.Clear();
                progress?.Report(new ScanProgress(applied, checkpoint, Math.Max(head, checkpoint), clock.Elapsed));
            }

            if (page.Count == 0)
                return (checkpoint, applied);
        }
    }
}
