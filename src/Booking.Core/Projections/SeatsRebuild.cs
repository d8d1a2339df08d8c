using Booking.Core.TicketedEvents;
using EventStore;

namespace Booking.Core.Projections;

/// <summary>
/// Rebuilds the bookings read model (<see cref="SeatsProjection"/>) by folding every ticketed event's full state, the
/// same fold the processors use. Its documents do not hold that state (names, capacity, sales switches), so an
/// interrupted rebuild starts over.
/// </summary>
public sealed class SeatsRebuild(
    IEventReader store, IProjectionRebuilds rebuilds, int pageSize = ProjectionRebuild.PageSize, int checkpointEvery = ProjectionRebuild.CheckpointEvery)
    : ProjectionRebuild(store, rebuilds, pageSize, checkpointEvery)
{
    private static readonly IReadOnlySet<string> AllTypes = TicketedEventEventTypes.All.Keys.ToHashSet(StringComparer.Ordinal);

    private readonly Dictionary<string, TicketedEventState> _states = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SeatEntry?> _changes = new(StringComparer.Ordinal);

    public override string Projection => SeatsProjection.Projection;

    protected override IReadOnlySet<string> PayloadTypes => AllTypes;

    protected override void Apply(EventHeader header, Dictionary<string, VersionedDocument> changed)
    {
        var before = _states.GetValueOrDefault(header.StreamId, TicketedEventState.Initial);
        var @event = header.TicketedEvent();
        var after = TicketedEventState.Evolve(before, @event);
        _states[header.StreamId] = after;
        SeatsProjection.Apply(before, @event, after.Version, _changes);
        foreach (var (id, entry) in _changes)
            changed[id] = new VersionedDocument(id, entry, after.Version);
        _changes.Clear();
    }
}
