using System.Text.Json.Serialization;
using Booking.Core.Serialization;

namespace Booking.Core.TicketedEvents;

/// <summary>Identifies a ticketed event (the show), and through it the stream that records its history.</summary>
[JsonConverter(typeof(TicketedEventIdJsonConverter))]
public readonly record struct TicketedEventId(Guid Value)
{
    public string StreamId => $"ticketed-event-{Value}";
}
