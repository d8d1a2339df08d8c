namespace EventStore.Subscriptions;

/// <summary>A stored subscription.</summary>
/// <param name="Id">The subscription's id (ASCII, at most 100 characters).</param>
/// <param name="Definition">What the caller stored with it (for webhooks: JSON with the url, filters and secret).</param>
/// <param name="Position">The checkpoint: the lowest global position not yet handled; every event below it was handled.</param>
/// <param name="Generation">Raised by every replay; a lease is good for one generation only.</param>
/// <param name="Status">Active, or failing (stopped until a replay).</param>
/// <param name="LastError">Why it is failing, if it is.</param>
/// <param name="LeaseOwner">Who holds the lease, or held it last (it may have expired).</param>
/// <param name="LeaseExpiresAt">When the lease expires by the database's clock (UTC), if anyone took it.</param>
/// <param name="CreatedAt">When it was created (UTC).</param>
/// <param name="UpdatedAt">When its checkpoint, status or lease last changed (UTC).</param>
public sealed record SubscriptionState(
    string Id,
    string Definition,
    long Position,
    long Generation,
    SubscriptionStatus Status,
    string? LastError,
    string? LeaseOwner,
    DateTime? LeaseExpiresAt,
    DateTime CreatedAt,
    DateTime UpdatedAt);

/// <summary>Whether a subscription is delivered.</summary>
public enum SubscriptionStatus
{
    /// <summary>Delivered by whoever holds its lease.</summary>
    Active,

    /// <summary>Stopped after a delivery failed for good; a replay makes it active again.</summary>
    Failing,
}

/// <summary>A lease held by <paramref name="Owner"/> on one generation of a subscription, with the state it was taken on.</summary>
public sealed record SubscriptionLease(string Owner, SubscriptionState State)
{
    /// <summary>The subscription's id.</summary>
    public string SubscriptionId => State.Id;

    /// <summary>The generation the lease was taken on.</summary>
    public long Generation => State.Generation;
}
