using System.Text.Json;
using System.Text.Json.Serialization;
using Booking.Core.TicketedEvents;

namespace Booking.Core.Serialization;

/// <summary>Writes a <see cref="TicketedEventId"/> as a bare GUID string, the form stream ids use.</summary>
public sealed class TicketedEventIdJsonConverter : JsonConverter<TicketedEventId>
{
    public override TicketedEventId Read(
        ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(reader.GetGuid());

    public override void Write(Utf8JsonWriter writer, TicketedEventId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Value);
    }
}
