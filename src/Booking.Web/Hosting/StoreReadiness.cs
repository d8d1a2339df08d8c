namespace Booking.Web.Hosting;

/// <summary>
/// Whether the store's schema is in place. Until the start-up migrations have run (they keep retrying while the
/// database is unreachable), every API route answers 503 and /health/ready fails. See <see cref="StoreHealth"/>.
/// </summary>
public sealed class StoreReadiness
{
    private readonly TaskCompletionSource _migrated = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsMigrated => _migrated.Task.IsCompleted;

    /// <summary>Completes once the schema is migrated (or migrating at start-up is switched off).</summary>
    public Task Migrated => _migrated.Task;

    public void MarkMigrated() => _migrated.TrySetResult();
}
