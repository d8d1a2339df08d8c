using System.Text.Json;
using Booking.Core.TicketedEvents;
using Booking.Web.Api;
using EventStore;

namespace Booking.Web.Webhooks;

/// <summary>
/// The body POSTed for one recorded event: <c>{type, eventId, userId, version, position, recordedAt, data}</c>, where
/// data is the event's JSON exactly as the store serializes it. Its <c>webhook-id</c> is the recorded event's id, the
/// same on every attempt and every repeat, so that a receiver can drop what it has seen.
/// </summary>
internal static class WebhookMessage
{
    public static string IdOf(RecordedEvent recorded) => recorded.EventId.ToString("D");

    public static byte[] Body(RecordedEvent recorded, EventTypeMap types)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", recorded.EventType);
            json.WriteNumber("eventId", TicketedEventId.FromStreamId(recorded.StreamId)!.Value.Value);
            if (HistoryApi.ToEntry(recorded).UserId is { } userId)
                json.WriteNumber("userId", userId);
            else
                json.WriteNull("userId");
            json.WriteNumber("version", recorded.Version);
            json.WriteNumber("position", recorded.Position);
            json.WriteString("recordedAt", DateTime.SpecifyKind(recorded.RecordedAt, DateTimeKind.Utc));
            json.WritePropertyName("data");
            json.WriteRawValue(JsonSerializer.SerializeToUtf8Bytes(recorded.Data, types.JsonOptions.GetTypeInfo(recorded.Data.GetType())), skipInputValidation: true);
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
