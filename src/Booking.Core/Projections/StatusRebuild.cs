using System.Diagnostics;
using System.Runtime.CompilerServices;
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

    // Page requests in flight while a page is folded: one query at a time left both the server and the client
    // below one core each.
    private const int ReadAhead = 2;
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
        var changed = new Dictionary<string, TicketedEventStatus>(StringComparer.Ordinal);
        var (folded, sinceCheckpoint) = (checkpoint, 0);
        await foreach (var page in PagesAsync(checkpoint + 1, cancellationToken).ConfigureAwait(false))
        {
            foreach (var header in page)
            {
                // Read-ahead pages may overlap where the log has gaps; each position is folded once, in order.
                if (header.Position <= folded)
                    continue;
                folded = header.Position;
                sinceCheckpoint++;
                applied++;
                if (!header.StreamId.StartsWith(StreamPrefix, StringComparison.Ordinal))
                    continue;
                documents.TryGetValue(header.StreamId, out var current);
                if (StatusProjection.Apply(current, header.EventType, header.Data) is { } status)
                    changed[header.StreamId] = documents[header.StreamId] = status;
            }

            if (sinceCheckpoint >= checkpointEvery)
                (checkpoint, sinceCheckpoint) = (await FlushAsync().ConfigureAwait(false), 0);
        }

        if (sinceCheckpoint > 0)
            checkpoint = await FlushAsync().ConfigureAwait(false);
        return (checkpoint, applied);

        async Task<long> FlushAsync()
        {
            await write([.. changed.Values.Select(d => new VersionedDocument(d.EventId.Value.ToString(), d, d.Version))], folded).ConfigureAwait(false);
            changed.Clear();
            progress?.Report(new ScanProgress(applied, folded, Math.Max(head, folded), clock.Elapsed));
            return folded;
        }
    }

    /// <summary>
    /// The global order from <paramref name="from"/> on, as headers (only TicketsInitialized payloads leave the
    /// database), with <see cref="ReadAhead"/> page requests in flight while the caller folds. Requests start at
    /// speculative positions a page apart; a full page reaches at least the next request's start (positions are
    /// unique and increasing), so the pages leave no hole, though they overlap where the log has gaps. A short page
    /// means the head was reached: requests already sent past it may have started beyond events committed since,
    /// so they are dropped and reading resumes right after the short page.
    /// </summary>
    private async IAsyncEnumerable<IReadOnlyList<EventHeader>> PagesAsync(long from, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var inFlight = new Queue<Task<IReadOnlyList<EventHeader>>>();
        var nextStart = from;
        while (true)
        {
            while (inFlight.Count < ReadAhead)
            {
                inFlight.Enqueue(rebuilds.ReadAllHeadersAsync(nextStart, pageSize, StatusProjection.PayloadTypes, cancellationToken));
                nextStart += pageSize;
            }

            var page = await inFlight.Dequeue().ConfigureAwait(false);
            if (page.Count == pageSize)
            {
                nextStart = Math.Max(nextStart, page[^1].Position + 1);
                yield return page;
                continue;
            }

            await ((Task)Task.WhenAll(inFlight)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            inFlight.Clear();
            if (page.Count == 0)
                yield break;
            nextStart = page[^1].Position + 1;
            yield return page;
        }
    }
}
