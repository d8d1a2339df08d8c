using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json;
using Booking.Core.TicketedEvents;
using Booking.Web.Api;

namespace Booking.Web.Webhooks;

// The wire shapes of the request bodies, for the OpenAPI document only: the handlers read bodies by hand (below).

/// <summary>A new subscription: where to POST, and optionally which event types and which ticketed event (default: all).</summary>
public sealed record WebhookRequest(
    [property: Required, MaxLength(WebhookRequests.MaxUrlLength)] string Url,
    IReadOnlyList<string>? Types,
    [property: Range(1, FieldErrors.MaxSafeInteger)] long? EventId);

/// <summary>Where to deliver from again: the subscription's checkpoint moves to this global position.</summary>
public sealed record ReplayRequest([property: Required, Range(1, FieldErrors.MaxSafeInteger)] long FromPosition);

/// <summary>Maps the request bodies by explicit code, collecting every field error.</summary>
internal static class WebhookRequests
{
    public const int MaxUrlLength = 2_000;

    /// <summary>{ "url": string, "types"?: [string], "eventId"?: integer }</summary>
    public static (string Url, IReadOnlyList<string>? Types, long? EventId)? ToSubscription(JsonElement body, FieldErrors errors)
    {
        BookingRequests.OnlyKnownFields(body, errors, "url", "types", "eventId");
        var url = errors.Text(body, "url", MaxUrlLength);
        if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
            errors.Add("url", "must be an absolute http or https URL, such as https://example.com/hooks.");
        var types = Types(body, errors);
        var eventId = body.TryGetProperty("eventId", out var id) && id.ValueKind != JsonValueKind.Null
            ? errors.Integer(body, "eventId", 1, FieldErrors.MaxSafeInteger)
            : null;
        return errors.Any ? null : (url!, types, eventId);
    }

    /// <summary>{ "fromPosition": integer }</summary>
    public static long? ToReplay(JsonElement body, FieldErrors errors)
    {
        BookingRequests.OnlyKnownFields(body, errors, "fromPosition");
        var position = errors.Integer(body, "fromPosition", 1, FieldErrors.MaxSafeInteger);
        return errors.Any ? null : position;
    }

    private static List<string>? Types(JsonElement body, FieldErrors errors)
    {
        if (!body.TryGetProperty("types", out var types) || types.ValueKind == JsonValueKind.Null)
            return null;
        var known = string.Join(", ", TicketedEventEventTypes.All.Keys.Order(StringComparer.Ordinal));
        if (types.ValueKind != JsonValueKind.Array || types.GetArrayLength() == 0 || types.EnumerateArray().Any(t => t.ValueKind != JsonValueKind.String))
        {
            errors.Add("types", $"must be a non-empty array of event type names (leave it out for all): {known}.");
            return null;
        }

        var names = types.EnumerateArray().Select(t => t.GetString()!).Distinct(StringComparer.Ordinal).ToList();
        foreach (var unknown in names.Where(n => !TicketedEventEventTypes.All.ContainsKey(n)))
            errors.Add("types", string.Create(CultureInfo.InvariantCulture, $"'{(unknown.Length > 50 ? unknown[..50] + "..." : unknown)}' is not an event type: one of {known}."));
        return names;
    }
}
