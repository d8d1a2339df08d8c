namespace Booking.Web.Api.OpenApi;

/// <summary>The status and title that go with each stable problem type of <see cref="Problems"/>, for the document.</summary>
internal static class ProblemCatalog
{
    public static readonly IReadOnlyDictionary<string, (int Status, string Title)> Types = new Dictionary<string, (int, string)>(StringComparer.Ordinal)
    {
        [Problems.Validation] = (400, "Invalid request"),
        [Problems.MalformedJson] = (400, "Malformed JSON"),
        [Problems.IdempotencyKeyInvalid] = (400, "Invalid idempotency key"),
        [Problems.Unauthorized] = (401, "Unauthorized"),
        [Problems.Forbidden] = (403, "Forbidden"),
        [Problems.EventNotFound] = (404, "Event not found"),
        [Problems.NothingToCancel] = (404, "Nothing to cancel"),
        [Problems.WebhookNotFound] = (404, "Webhook not found"),
        [Problems.AlreadyBooked] = (409, "Already booked"),
        [Problems.AlreadyWaiting] = (409, "Already on the waiting list"),
        [Problems.SalesClosed] = (409, "Sales closed"),
        [Problems.CapacityBelowBooked] = (409, "Capacity below booked"),
        [Problems.IdempotencyKeyInFlight] = (409, "Idempotency key in use"),
        [Problems.PayloadTooLarge] = (413, "Payload too large"),
        [Problems.UnsupportedMediaType] = (415, "Unsupported media type"),
        [Problems.IdempotencyKeyReused] = (422, "Idempotency key reused"),
        [Problems.RateLimited] = (429, "Too many requests"),
        [Problems.Internal] = (500, "Internal error"),
        [Problems.Unavailable] = (503, "Service unavailable"),
    };

    /// <summary>What every API route may answer, whatever it does: rate limited, the store unavailable, a bug.</summary>
    public static readonly string[] AnyRoute = [Problems.RateLimited, Problems.Internal, Problems.Unavailable];

    /// <summary>What a route that reads a JSON body may answer about the body itself.</summary>
    public static readonly string[] JsonBody = [Problems.Validation, Problems.MalformedJson, Problems.UnsupportedMediaType, Problems.PayloadTooLarge];

    /// <summary>What a route that takes an Idempotency-Key may answer about the key.</summary>
    public static readonly string[] IdempotencyKey = [Problems.IdempotencyKeyInvalid, Problems.IdempotencyKeyInFlight, Problems.IdempotencyKeyReused];

    public static int StatusOf(string type) =>
        Types.TryGetValue(type, out var entry) ? entry.Status : throw new ArgumentOutOfRangeException(nameof(type), type, "Not a problem type of Problems.");
}
