using Booking.Core.Serialization;
using Booking.Core.TicketedEvents;
using EventStore;

namespace Booking.Core.Projections;

/// <summary>
/// Rebuilds the status read model (<see cref="StatusProjection"/>): counts, so it resumes from the documents an
/// interrupted rebuild wrote, and it reads the payloads of two event types only.
/// </summary>
public sealed class StatusRebuild(
    IEventReader store, IProjectionRebuilds rebuilds, int pageSize = ProjectionRebuild.PageSize, int checkpointEvery = ProjectionRebuild.CheckpointEvery)
    : ProjectionRebuild(store, rebuilds, pageSize, checkpointEvery)
{
    private readonly Dictionary<string, TicketedEventStatus> _documents = new(StringComparer.Ordinal);

    public override string Projection => BookingEventTypes.StatusProjection;

    protected override IReadOnlySet<string> PayloadTypes => StatusProjection.PayloadTypes;

    protected override bool CanResume => true;

    protected override async Task LoadAsync(IProjectionRebuilds rebuilds, CancellationToken cancellationToken)
    {
        foreach (var stored in await rebuilds.LoadRebuildDocumentsAsync<TicketedEventStatus>(Projection, cancellationToken).ConfigureAwait(false))
            _documents[stored.Document.EventId.StreamId] = stored.Document;
    }

    protected override void Apply(EventHeader header, Dictionary<string, VersionedDocument> changed)
    {
        _documents.TryGetValue(header.StreamId, out var current);
        if (StatusProjection.Apply(current, header.EventType, header.Data) is not { } status)
            return;
        _documents[header.StreamId] = status;
        changed[status.EventId.DocumentKey] = new VersionedDocument(status.EventId.DocumentKey, status, status.Version);
    }
}
