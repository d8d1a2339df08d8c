using System.Text.Json;
using System.Text.Json.Serialization;
using Booking.Core.TicketedEvents;

namespace Booking.Core.Serialization;

/// <summary>Writes a <see cref="UserId"/> as a bare number so stored events stay readable and stable.</summary>
public sealed class UserIdJsonConverter : JsonConverter<UserId>
{
    public override UserId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = reader.GetInt64();
        // Rethrown as JsonException so the serializer reports the JSON path of the bad value.
        return value > 0 ? new UserId(value) : throw new JsonException($"A user id must be positive, got {value}.");
    }

    public override void Write(Utf8JsonWriter writer, UserId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(value.Value);
    }
}
