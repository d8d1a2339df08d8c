using System.Text.Json;
using System.Text.Json.Serialization;
using Booking.Core.TicketedEvents;
using EventStore;

namespace Booking.Web.Webhooks;

/// <summary>What a webhook subscription stores as its definition (JSON in the subscription store).</summary>
/// <param name="Url">Where events are POSTed: an absolute http or https URL.</param>
/// <param name="Types">The event types delivered; null: all, including types added later.</param>
/// <param name="EventId">The one ticketed event delivered; null: all.</param>
/// <param name="Secret">The signing secret, <c>whsec_</c> and base64.</param>
public sealed record WebhookDefinition(string Url, IReadOnlyList<string>? Types, long? EventId, string Secret)
{
    /// <summary>Whether <paramref name="recorded"/> is for this subscription.</summary>
    public bool Matches(RecordedEvent recorded) =>
        TicketedEventId.FromStreamId(recorded.StreamId) is { } id
        && (EventId is null || EventId == id.Value)
        && (Types is null || Types.Contains(recorded.EventType, StringComparer.Ordinal));

    public string ToJson() => JsonSerializer.Serialize(this, WebhookJsonContext.Default.WebhookDefinition);

    public static WebhookDefinition FromJson(string json) =>
        JsonSerializer.Deserialize(json, WebhookJsonContext.Default.WebhookDefinition)
        ?? throw new JsonException("A webhook definition is null.");
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(WebhookDefinition))]
internal sealed partial class WebhookJsonContext : JsonSerializerContext;
