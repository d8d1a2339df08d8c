namespace Booking.Web.Webhooks;

/// <summary>The <c>Webhooks</c> section: how this node delivers subscriptions (docs/adr/0012-webhook-subscriptions.md).</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>Whether this node delivers; the API works either way. Off on a node that should only serve bookings.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The lease owner's name; empty: host name, process id and a random suffix (unique per start).</summary>
    public string NodeId { get; set; } = string.Empty;

    /// <summary>Attempts per event (the first included) before the subscription is marked failing.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The first retry's median delay; each next doubles (with jitter) up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one attempt may take before it counts as failed (a time-out) and is retried.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a lease lasts by the database's clock; the holder renews it every quarter of this.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a node looks for subscriptions to take and for new events when caught up.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Most time between checkpoint writes while delivering: what a crash may deliver again.</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Events read from the log at a time.</summary>
    public int PageSize { get; set; } = 500;

    /// <summary>Ticketed events delivered at once per subscription (one event of each at a time).</summary>
    public int MaxParallelDeliveries { get; set; } = 8;

    /// <summary>Events read but not yet delivered per subscription: how far others may run ahead of a stuck ticketed event.</summary>
    public int MaxLookAhead { get; set; } = 2_000;

    public string? Problem() =>
        MaxAttempts is < 1 or > 100 ? $"{Section}:MaxAttempts must be a whole number from 1 to 100, not {MaxAttempts}."
        : FirstRetryDelay <= TimeSpan.Zero ? $"{Section}:FirstRetryDelay must be a duration above zero as hh:mm:ss, e.g. 00:00:01, not {FirstRetryDelay}."
        : MaxRetryDelay < FirstRetryDelay ? $"{Section}:MaxRetryDelay must be at least {Section}:FirstRetryDelay ({FirstRetryDelay}), not {MaxRetryDelay}."
        : AttemptTimeout < TimeSpan.FromMilliseconds(10) ? $"{Section}:AttemptTimeout must be a duration of at least 10 ms, e.g. 00:00:10, not {AttemptTimeout}."
        : LeaseDuration < TimeSpan.FromMilliseconds(200) ? $"{Section}:LeaseDuration must be a duration of at least 200 ms, e.g. 00:00:30, not {LeaseDuration}."
        : PollInterval <= TimeSpan.Zero ? $"{Section}:PollInterval must be a duration above zero, e.g. 00:00:01, not {PollInterval}."
        : CheckpointInterval <= TimeSpan.Zero ? $"{Section}:CheckpointInterval must be a duration above zero, e.g. 00:00:01, not {CheckpointInterval}."
        : PageSize is < 1 or > 10_000 ? $"{Section}:PageSize must be a whole number from 1 to 10000, not {PageSize}."
        : MaxParallelDeliveries is < 1 or > 1_000 ? $"{Section}:MaxParallelDeliveries must be a whole number from 1 to 1000, not {MaxParallelDeliveries}."
        : MaxLookAhead < 1 ? $"{Section}:MaxLookAhead must be a whole number of at least 1, not {MaxLookAhead}."
        : NodeId.Length > 200 ? $"{Section}:NodeId must be at most 200 characters."
        : null;

    /// <summary>The configured node id, or a new one for this process.</summary>
    public string ResolveNodeId() =>
        NodeId.Length > 0 ? NodeId : $"{Environment.MachineName}-{Environment.ProcessId}-{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3))}";
}
