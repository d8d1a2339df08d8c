using System.Text.Json.Serialization;

namespace Booking.Web.Webhooks;

/// <summary>A subscription just created: the only answer that shows its signing secret.</summary>
public sealed record WebhookCreatedResponse(string Id, string Url, IReadOnlyList<string> Types, long? EventId, string Secret);

/// <summary>
/// A subscription and its progress: <c>position</c> is its checkpoint (the lowest global position not yet delivered),
/// <c>lag</c> the positions from there to the log's head; <c>status</c> is "active" or "failing" (stopped until a
/// replay, <c>lastError</c> says why); <c>leaseOwner</c> is the node delivering it, or that delivered it last.
/// </summary>
public sealed record WebhookResponse(
    string Id,
    string Url,
    IReadOnlyList<string> Types,
    long? EventId,
    string Status,
    long Position,
    long Lag,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? LastError,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? LeaseOwner,
    DateTime CreatedAt,
    DateTime UpdatedAt);

/// <summary>Every subscription, in id order.</summary>
public sealed record WebhookListResponse(IReadOnlyList<WebhookResponse> Webhooks);
