using System.Diagnostics;
using System.Runtime.CompilerServices;
using Booking.Core.TicketedEvents;
using EventStore;

namespace Booking.Core.Projections;

/// <summary>
/// Rebuilds one read model from the global order: into the shadow table with a checkpoint every
/// <see cref="CheckpointEvery"/> events (interruptible, resumable where the fold allows), then an atomic swap, then a
/// catch-up of what committed meanwhile that never overwrites a newer document written inline by the service.
/// A subclass says what it folds; this class reads, checkpoints and swaps.
/// </summary>
public abstract class ProjectionRebuild(IEventReader store, IProjectionRebuilds rebuilds, int pageSize, int checkpointEvery)
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

    /// <summary>The projection's name, as its documents are stored.</summary>
    public abstract string Projection { get; }

    /// <summary>The event types whose payload the fold reads; the others arrive as type names alone.</summary>
    protected abstract IReadOnlySet<string> PayloadTypes { get; }

    /// <summary>Whether the fold can be restored from the documents a rebuild wrote so far; if not, every run starts over.</summary>
    protected virtual bool CanResume => false;

    /// <summary>Restores the fold from the documents an interrupted rebuild wrote (called only when <see cref="CanResume"/>).</summary>
    protected virtual Task LoadAsync(IProjectionRebuilds rebuilds, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Folds one event of a ticketed event's stream, putting the documents it changes into <paramref name="changed"/> by id.</summary>
    protected abstract void Apply(EventHeader header, Dictionary<string, VersionedDocument> changed);

    public async Task<ScanProgress> RunAsync(bool restart, IProgress<ScanProgress>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var checkpoint = await rebuilds.BeginRebuildAsync(Projection, restart || !CanResume, cancellationToken).ConfigureAwait(false);
        if (checkpoint > 0)
            await LoadAsync(rebuilds, cancellationToken).ConfigureAwait(false);
        var head = await store.ReadHeadPositionAsync(cancellationToken).ConfigureAwait(false);
        var applied = 0L;

        (checkpoint, applied) = await ApplyAsync(checkpoint, applied, (changed, position) =>
            rebuilds.WriteRebuildAsync(Projection, changed, position, cancellationToken), head, clock, progress, cancellationToken).ConfigureAwait(false);
        await rebuilds.SwapInAsync(Projection, cancellationToken).ConfigureAwait(false);
        (checkpoint, applied) = await ApplyAsync(checkpoint, applied, (changed, _) =>
            rebuilds.WriteIfNewerAsync(Projection, changed, cancellationToken), head, clock, progress, cancellationToken).ConfigureAwait(false);

        return new ScanProgress(applied, checkpoint, Math.Max(head, checkpoint), clock.Elapsed);
    }

    private async Task<(long Checkpoint, long Applied)> ApplyAsync(
        long checkpoint, long applied, Func<IReadOnlyList<VersionedDocument>, long, Task> write,
        long head, Stopwatch clock, IProgress<ScanProgress>? progress, CancellationToken cancellationToken)
    {
        var changed = new Dictionary<string, VersionedDocument>(StringComparer.Ordinal);
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
                if (header.StreamId.StartsWith(TicketedEventId.StreamPrefix, StringComparison.Ordinal))
                    Apply(header, changed);
            }

            if (sinceCheckpoint >= checkpointEvery)
                (checkpoint, sinceCheckpoint) = (await FlushAsync().ConfigureAwait(false), 0);
        }

        if (sinceCheckpoint > 0)
            checkpoint = await FlushAsync().ConfigureAwait(false);
        return (checkpoint, applied);

        async Task<long> FlushAsync()
        {
            await write([.. changed.Values], folded).ConfigureAwait(false);
            changed.Clear();
            progress?.Report(new ScanProgress(applied, folded, Math.Max(head, folded), clock.Elapsed));
            return folded;
        }
    }

    /// <summary>
    /// The global order from <paramref name="from"/> on, as headers (only the payloads of <see cref="PayloadTypes"/> leave the
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
                inFlight.Enqueue(rebuilds.ReadAllHeadersAsync(nextStart, pageSize, PayloadTypes, cancellationToken));
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
