using System.Text.Json;
using Booking.Core.TicketedEvents;
using EventStore;

namespace Booking.Core.Serialization;

/// <summary>The store's type map for this domain: stable names from <see cref="TicketedEventEventTypes"/>, source-generated JSON.</summary>
public static class BookingEventTypes
{
    /// <summary>The projection name of the status read model (one document per ticketed event).</summary>
    public const string StatusProjection = "ticketed-event-status";

    public static EventTypeMap CreateMap() =>
        new EventTypeMap(new JsonSerializerOptions(BookingJsonContext.Default.Options)).RegisterAll(TicketedEventEventTypes.All);
}
