namespace EventStore.Subscriptions;

/// <summary>The stored names of <see cref="SubscriptionStatus"/> (stable: they are in the database).</summary>
internal static class SubscriptionStatuses
{
    public const string Active = "active";
    public const string Failing = "failing";

    public static SubscriptionStatus Parse(string stored) => stored switch
    {
        Active => SubscriptionStatus.Active,
        Failing => SubscriptionStatus.Failing,
        _ => throw new InvalidOperationException($"Stored subscription status '{stored}' is unknown."),
    };
}
