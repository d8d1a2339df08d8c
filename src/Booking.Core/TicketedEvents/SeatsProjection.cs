using System.Globalization;
using EventStore;

namespace Booking.Core.TicketedEvents;

/// <summary>One seat holder or waiting user of a ticketed event, as the bookings read model lists them.</summary>
/// <param name="EventId">The ticketed event.</param>
/// <param name="UserId">The user holding the seat or waiting.</param>
/// <param name="Status"><see cref="SeatsProjection.Booked"/> or <see cref="SeatsProjection.Waiting"/>.</param>
/// <param name="Version">The stream version at which the user got the seat (booked or promoted) or joined the queue.</param>
public sealed record SeatEntry(TicketedEventId EventId, UserId UserId, string Status, long Version);

/// <summary>
/// The bookings read model: one document per seat holder and per waiting user, written inline with the events.
/// A document's id is the ticketed event's key, its list and the version at which the user entered it, so an ordinal
/// range over one list is booking order (or queue order) and pages cheaply; leaving a list writes a tombstone, so a
/// projection rebuild's catch-up can never bring the entry back.
/// </summary>
public static class SeatsProjection
{
    public const string Projection = "ticketed-event-seats";
    public const string Booked = "booked";
    public const string Waiting = "waiting";

    /// <summary>The id prefix of one list (<see cref="Booked"/> or <see cref="Waiting"/>) of a ticketed event.</summary>
    public static string Prefix(TicketedEventId id, string status) => $"{id.DocumentKey}/{status}/";

    public static string DocumentId(TicketedEventId id, string status, long version) =>
        Prefix(id, status) + version.ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>
    /// The documents <paramref name="event"/> (recorded at <paramref name="version"/>) writes, keyed by id, into
    /// <paramref name="changes"/>: a later change to the same id replaces an earlier one (null is a tombstone).
    /// <paramref name="before"/> is the state the event applies to.
    /// </summary>
    public static void Apply(TicketedEventState before, TicketedEventEvent @event, long version, IDictionary<string, SeatEntry?> changes)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(changes);
        var id = before.Id;
        switch (@event)
        {
            case TicketBooked(var user):
                Enter(Booked, user);
                break;
            case WaitlistJoined(var user):
                Enter(Waiting, user);
                break;
            case BookingCancelled(var user):
                Leave(Booked, before.SeatedAt(user));
                break;
            case WaitlistLeft(var user):
                Leave(Waiting, before.Waitlist.JoinedAt(user));
                break;
            case WaitlistPromoted(var user):
                Leave(Waiting, before.Waitlist.JoinedAt(user));
                Enter(Booked, user);
                break;
            case TicketsInitialized or CapacityChanged or SalesClosed or SalesReopened:
                // A raise's promotions are events of their own; the rest leave both lists alone.
                break;
            default:
                throw TicketedEventEvent.Unknown(@event);
        }

        void Enter(string status, UserId user) => changes[DocumentId(id, status, version)] = new SeatEntry(id, user, status, version);

        void Leave(string status, long? enteredAt)
        {
            if (enteredAt is { } at)
                changes[DocumentId(id, status, at)] = null;
        }
    }

    /// <summary>The changes as documents to write with an append.</summary>
    public static IEnumerable<ProjectionDocument> ToDocuments(IEnumerable<KeyValuePair<string, SeatEntry?>> changes) =>
        changes.Select(c => c.Value is { } entry ? new ProjectionDocument(Projection, c.Key, entry) : ProjectionDocument.Delete(Projection, c.Key));
}
