using Booking.Core.TicketedEvents;
using EventStore;
using Microsoft.Extensions.Logging;

namespace Booking.Core.Processing;

/// <summary>
/// A processor's copy of its ticketed event's stream: the state folded so far, the id of the event at its version, and
/// whether the store may hold more than that (stale). It starts stale; a conflict, and a failure whose outcome is
/// unknown, make it stale again (<see cref="MarkStale"/>); <see cref="CurrentAsync"/> catches a stale copy up before
/// the next decision. Only the processor's single consumer calls it; <see cref="State"/> may be read from anywhere.
/// </summary>
internal sealed partial class FoldedStream(TicketedEventId id, IEventStore store, ILogger logger, CancellationToken stopping)
{
    private const int CatchUpPageSize = 10_000;

    private TicketedEventState _state = TicketedEventState.Initial;

    // The id of the event at _state.Version: catching up checks that the stream still holds it there.
    private Guid? _lastEventId;
    private bool _stale = true;

    /// <summary>The committed state (what the debug cache shows).</summary>
    public TicketedEventState State => Volatile.Read(ref _state);

    /// <summary>The state to decide on: caught up from the store first if it may be behind.</summary>
    public async Task<TicketedEventState> CurrentAsync()
    {
        if (_stale)
            await CatchUpAsync().ConfigureAwait(false);
        return _state;
    }

    /// <summary>The store may hold more than the state (another writer, or a write whose outcome is unknown).</summary>
    public void MarkStale() => _stale = true;

    /// <summary>The batch decided on the state is committed: <paramref name="state"/> is the stream's now.</summary>
    public void Committed(TicketedEventState state, IReadOnlyList<NewEvent> events)
    {
        Volatile.Write(ref _state, state);
        if (events.Count > 0)
            _lastEventId = events[^1].EventId;
    }

    /// <summary>Reads on from the event the state ends with, and checks that it is still the one stored at that version.</summary>
    public async Task CatchUpAsync()
    {
        var state = _state;
        var lastEventId = _lastEventId;
        var from = state.Version;
        while (true)
        {
            var page = await store.ReadStreamAsync(id.StreamId, Math.Max(from, 1), CatchUpPageSize, stopping).ConfigureAwait(false);
            var skip = 0;
            if (from == state.Version && state.Version > 0)
            {
                if (page.Count == 0 || page[0].EventId != lastEventId)
                {
                    LogDiverged(id.Value, state.Version);
                    (state, lastEventId, from) = (TicketedEventState.Initial, null, 1);
                    continue;
                }

                skip = 1;
            }

            foreach (var recorded in page.Skip(skip))
            {
                state = TicketedEventState.Evolve(state, recorded.TicketedEvent());
                lastEventId = recorded.EventId;
            }

            if (page.Count < CatchUpPageSize)
                break;
            from = state.Version + 1;
        }

        Volatile.Write(ref _state, state);
        _lastEventId = lastEventId;
        _stale = false;
    }

    [LoggerMessage(LogLevel.Error, "The state of {TicketedEventId} at version {Version} is not the stream's (another event is stored there); reloading it from the start")]
    private partial void LogDiverged(long ticketedEventId, long version);
}
