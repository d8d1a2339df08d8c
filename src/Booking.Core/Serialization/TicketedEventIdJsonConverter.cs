using System.Text.Json;
using System.Text.Json.Serialization;
using Booking.Core.TicketedEvents;

namespace Booking.Core.Serialization;

/// <summary>Writes a <see cref="TicketedEventId"/> as a bare number, as the seed's API does.</summary>
public sealed class TicketedEventIdJsonConverter : JsonConverter<TicketedEventId>
{
    public override TicketedEventId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = reader.GetInt64();
        // Rethrown as JsonException so the serializer reports the JSON path of the bad value.
        return value > 0 ? new TicketedEventId(value) : throw new JsonException($"A ticketed event id must be positive, got {value}.");
    }

    public override void Write(Utf8JsonWriter writer, TicketedEventId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(value.Value);
    }
}
