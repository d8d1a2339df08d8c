namespace Booking.Web.Api;

/// <summary>Stable RFC 9457 problem types: clients may switch on <c>type</c>; titles never change either.</summary>
public static class Problems
{
    private const string Prefix = "urn:eventbooking:problem:";

    public const string Validation = Prefix + "validation";
    public const string MalformedJson = Prefix + "malformed-json";
    public const string UnsupportedMediaType = Prefix + "unsupported-media-type";
    public const string PayloadTooLarge = Prefix + "payload-too-large";
    public const string EventNotFound = Prefix + "event-not-found";
    public const string AlreadyInitialized = Prefix + "already-initialized";
    public const string AlreadyBooked = Prefix + "already-booked";
    public const string AlreadyWaiting = Prefix + "already-waiting";
    public const string NothingToCancel = Prefix + "nothing-to-cancel";
    public const string SalesClosed = Prefix + "sales-closed";
    public const string CapacityBelowBooked = Prefix + "capacity-below-booked";
    public const string WebhookNotFound = Prefix + "webhook-not-found";
    public const string IdempotencyKeyInvalid = Prefix + "idempotency-key-invalid";
    public const string IdempotencyKeyReused = Prefix + "idempotency-key-reused";
    public const string IdempotencyKeyInFlight = Prefix + "idempotency-key-in-flight";
    public const string Unavailable = Prefix + "unavailable";
    public const string RateLimited = Prefix + "rate-limited";
    public const string Unauthorized = Prefix + "unauthorized";
    public const string Forbidden = Prefix + "forbidden";
    public const string NotFound = Prefix + "not-found";
    public const string MethodNotAllowed = Prefix + "method-not-allowed";
    public const string Internal = Prefix + "internal";
}
