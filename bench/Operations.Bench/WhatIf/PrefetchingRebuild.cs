using Booking.Core.Serialization;
using Booking.Core.TicketedEvents;
using EventStore;

namespace Operations.Bench.WhatIf;

/// <summary>
/// What-if for a suggestion, not the code under test: <c>StatusRebuild</c>'s loop (same store calls, same projection,
/// same checkpoints, swap and catch-up) except that the next page is requested before the current one is projected
/// and written, so the database read overlaps the projection and the document write.
/// </summary>
internal sealed class PrefetchingRebuild(IEventStore store, IProjectionRebuilds rebuilds, int pageSize)
{
    private const string StreamPrefix = "ticketed-event-";

    public async Task<long> RunAsync()
    {
        var checkpoint = await rebuilds.BeginRebuildAsync(BookingEventTypes.StatusProjection, restart: true);
        var documents = new Dictionary<string, TicketedEventStatus>(StringComparer.Ordinal);
        var applied = 0L;
        (checkpoint, applied) = await ApplyAsync(checkpoint, applied, documents, (changed, position) =>
            rebuilds.WriteRebuildAsync(BookingEventTypes.StatusProjection, changed, position));
        await rebuilds.SwapInAsync(BookingEventTypes.StatusProjection);
        (_, applied) = await ApplyAsync(checkpoint, applied, documents, (changed, _) =>
            rebuilds.WriteIfNewerAsync(BookingEventTypes.StatusProjection, changed));
        return applied;
    }

    private async Task<(long Checkpoint, long Applied)> ApplyAsync(
        long checkpoint, long applied, Dictionary<string, TicketedEventStatus> documents, Func<IReadOnlyList<VersionedDocument>, long, Task> write)
    {
        var next = store.ReadAllAsync(checkpoint + 1, pageSize);
        while (await next is { Count: > 0 } page)
        {
            checkpoint = page[^1].Position;
            next = store.ReadAllAsync(checkpoint + 1, pageSize);
            var changed = new Dictionary<string, TicketedEventStatus>(StringComparer.Ordinal);
            foreach (var recorded in page)
            {
                if (!recorded.StreamId.StartsWith(StreamPrefix, StringComparison.Ordinal))
                    continue;
                documents.TryGetValue(recorded.StreamId, out var current);
                if (StatusProjection.Apply(current, recorded.TicketedEvent()) is { } status)
                    changed[recorded.StreamId] = documents[recorded.StreamId] = status;
            }

            applied += page.Count;
            await write([.. changed.Values.Select(d => new VersionedDocument(d.EventId.DocumentKey, d, d.Version))], checkpoint);
        }

        return (checkpoint, applied);
    }
}
