namespace EventStore.Subscriptions;

/// <summary>
/// Durable subscriptions to the global order: a checkpoint per subscription, fenced by a lease that one owner (a
/// service node) holds at a time. Lease expiry is computed by the database's clock, so the owners' clocks never meet.
/// </summary>
public interface ISubscriptionStore
{
    /// <summary>Records a new, active subscription starting at <paramref name="position"/>; the definition is the caller's text.</summary>
    /// <exception cref="ArgumentException">A subscription with that id exists already.</exception>
    Task CreateAsync(string id, string definition, long position, CancellationToken cancellationToken = default);

    /// <summary>Every subscription, in id order.</summary>
    Task<IReadOnlyList<SubscriptionState>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>One subscription, or null if there is none.</summary>
    Task<SubscriptionState?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Deletes the subscription; its holder's next checkpoint or renewal fails. False if there was none.</summary>
    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves the checkpoint to <paramref name="position"/>, makes the subscription active again and clears its error;
    /// raises its generation, so that a holder still working on the old one is fenced out. False if there was none.
    /// </summary>
    Task<bool> ReplayAsync(string id, long position, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes the lease for <paramref name="owner"/> (free, expired, or already its own: a renewal) until the database's
    /// clock passes now + <paramref name="duration"/>, in one conditional statement. Null if another owner holds it
    /// or the subscription is gone. Two contenders at once: exactly one gets it.
    /// </summary>
    Task<SubscriptionLease?> TryTakeLeaseAsync(string id, string owner, TimeSpan duration, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores the checkpoint if <paramref name="lease"/> still holds (same owner, same generation, not failing). False
    /// means the lease was lost, the subscription replayed or deleted: the holder must stop delivering at once.
    /// </summary>
    Task<bool> CheckpointAsync(SubscriptionLease lease, long position, CancellationToken cancellationToken = default);

    /// <summary>Marks the subscription failing with <paramref name="reason"/> at <paramref name="position"/>, fenced like a checkpoint.</summary>
    Task<bool> MarkFailingAsync(SubscriptionLease lease, long position, string reason, CancellationToken cancellationToken = default);

    /// <summary>Gives the lease up (a clean stop), so that another owner may take it without waiting for it to expire.</summary>
    Task ReleaseLeaseAsync(SubscriptionLease lease, CancellationToken cancellationToken = default);
}
