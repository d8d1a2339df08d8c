namespace EventStore.Subscriptions;

/// <summary>Checks subscription ids and owners before they reach a statement.</summary>
internal static class SubscriptionArguments
{
    public const int MaxIdLength = 100;
    public const int MaxOwnerLength = 200;

    public static void Validate(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        if (id.Length > MaxIdLength || !id.All(c => char.IsAscii(c) && !char.IsControl(c)))
            throw new ArgumentException($"A subscription id is 1 to {MaxIdLength} printable ASCII characters.", nameof(id));
    }

    public static void ValidateOwner(string owner)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(owner.Length, MaxOwnerLength, nameof(owner));
    }

    public static void ValidateDuration(TimeSpan duration) =>
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.FromMilliseconds(1), nameof(duration));
}
