using MySqlConnector;

namespace EventStore.MySql;

/// <summary>The one place where MySQL error codes get their meaning for the store.</summary>
internal static class MySqlErrors
{
    private const int MaxAttempts = 4;

    // Galera aborts whichever of two concurrent commits from different nodes loses certification; every append writes
    // the position counter, so under load from several nodes an append can lose several times in a row.
    public const int MaxAttemptsOnGalera = 12;

    /// <summary>Duplicate key: another writer got the version (or the event id) first.</summary>
    public static bool IsDuplicateKey(this MySqlException e) => e.ErrorCode == MySqlErrorCode.DuplicateKeyEntry;

    /// <summary>
    /// Deadlock or lock wait timeout: InnoDB rolled the transaction back, so running it again is safe. On Galera a
    /// transaction that lost certification to another node's, or was aborted by it, reports a deadlock too.
    /// </summary>
    public static bool IsTransient(this MySqlException e) =>
        e.ErrorCode is MySqlErrorCode.LockDeadlock or MySqlErrorCode.LockWaitTimeout;

    // A sequence, or the position counter that a confirmation of a missing stream writes, is one row that callers on
    // every node raise: several at once lose certification to each other more often than an append does (12 attempts
    // ran out once for a sequence with 6 callers on 3 nodes).
    public const int MaxAttemptsOnOneHotRow = 40;

    /// <summary>
    /// Runs <paramref name="operation"/> again, a bounded number of times with jittered back-off, after a transient
    /// error; <paramref name="galeraAttempts"/> overrides the bound on Galera. <paramref name="isGalera"/> is asked
    /// after each failure, because the first call of a new store learns the topology inside the operation.
    /// </summary>
    public static async Task<T> RetryTransientAsync<T>(Func<Task<T>> operation, Func<bool> isGalera, CancellationToken cancellationToken, int galeraAttempts = MaxAttemptsOnGalera)
    {
        for (var attempt = 1; ; attempt++)
        {
            bool galera;
            try
            {
                return await operation().ConfigureAwait(false);
            }
            catch (MySqlException e) when (e.IsTransient() && attempt < ((galera = isGalera()) ? galeraAttempts : MaxAttempts))
            {
                // Full jitter on Galera, so that the losers of one round do not meet again in the next.
                var ceiling = 5 << Math.Min(attempt, 5);
                var backoff = TimeSpan.FromMilliseconds(galera ? Random.Shared.Next(1, ceiling + 1) : ceiling + Random.Shared.Next(0, 10));
                await Task.Delay(backoff, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
