using System.Data;
using System.Runtime.CompilerServices;
using MySqlConnector;

namespace EventStore.MySql;

// The appends' connection, kept between transactions (MySqlStoreOptions.KeepCommitConnectionFor). A connection taken
// from MySqlConnector's pool is reset first (COM_RESET_CONNECTION), a round trip of its own: under load about a fifth
// of a hot ticketed event's append cycle, which is one append after the other. A connection whose transaction ended
// as the server answered it (COMMIT, or the ROLLBACK of a refused write) has no session state left to reset but the
// row-count guard's user variable and LAST_INSERT_ID, which every write sets before it reads them; so the next append
// takes it from here. Any other exception on it, or a ROLLBACK that failed, sends it to the pool instead, which resets
// or discards it; so does KeepCommitConnectionFor of disuse (the timer), so that an idle store holds no connection.
public sealed partial class MySqlEventStore
{
    // Connections whose ROLLBACK failed (TryExecuteAsync): never kept, whatever the caller does with them next.
    private static readonly ConditionalWeakTable<MySqlConnection, object> Spoiled = [];
    private static readonly object SpoiledMark = new();

    private MySqlConnection? _kept;
    private Timer? _keptTimer;

    private long _keptReuses;

    /// <summary>Transactions that began on the kept connection instead of one from the pool (for tests and diagnostics).</summary>
    internal long KeptConnectionReuses => Interlocked.Read(ref _keptReuses);

    /// <summary>The connection kept for the next append, if any (for tests).</summary>
    internal MySqlConnection? KeptConnection => Volatile.Read(ref _kept);

    /// <summary>
    /// Runs one write transaction (which ends with COMMIT or ROLLBACK on every path that returns) on the kept connection,
    /// or on one from the pool. A kept connection can have died while it waited (the server restarted, or killed it),
    /// which the pool would have noticed at its reset: a transaction that finds its kept connection broken runs again
    /// once on a connection from the pool. That is safe for the writes that use this, because an append is idempotent
    /// by its event ids: run again after it committed, it finds its events and answers what it answered the first time.
    /// </summary>
    private async Task<T> InWriteTransactionAsync<T>(Func<MySqlConnection, Task<T>> transaction, CancellationToken cancellationToken)
    {
        var kept = Interlocked.Exchange(ref _kept, null);
        if (kept is not null)
            Interlocked.Increment(ref _keptReuses);
        return await RunAsync(kept ?? await OpenAsync(cancellationToken).ConfigureAwait(false), wasKept: kept is not null).ConfigureAwait(false);

        async Task<T> RunAsync(MySqlConnection connection, bool wasKept)
        {
            T result;
            try
            {
                result = await transaction(connection).ConfigureAwait(false);
            }
            catch (WrongExpectedVersionException)
            {
                // A refusal: the transaction was rolled back before the stream's version was read.
                await KeepOrReturnAsync(connection).ConfigureAwait(false);
                throw;
            }
            catch (MySqlException) when (wasKept && connection.State != ConnectionState.Open)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
                return await RunAsync(await OpenAsync(cancellationToken).ConfigureAwait(false), wasKept: false).ConfigureAwait(false);
            }
            catch
            {
                await connection.DisposeAsync().ConfigureAwait(false);
                throw;
            }

            await KeepOrReturnAsync(connection).ConfigureAwait(false);
            return result;
        }
    }

    private async ValueTask KeepOrReturnAsync(MySqlConnection connection)
    {
        var keepFor = _options.KeepCommitConnectionFor;
        if (keepFor > TimeSpan.Zero && connection.State == ConnectionState.Open && !Spoiled.TryGetValue(connection, out _)
            && Interlocked.CompareExchange(ref _kept, connection, null) is null)
        {
            // Every keep moves the deadline: when the timer fires, the connection kept (if any) has been idle that long.
            // A timer that is not scheduled holds nothing, so an unused store can still be collected.
            var timer = Volatile.Read(ref _keptTimer) ?? CreateKeptTimer();
            timer.Change(keepFor, Timeout.InfiniteTimeSpan);
            return;
        }

        await connection.DisposeAsync().ConfigureAwait(false);
    }

    private Timer CreateKeptTimer()
    {
        var timer = new Timer(static store => ((MySqlEventStore)store!).ReturnIdleConnection(), this, Timeout.Infinite, Timeout.Infinite);
        if (Interlocked.CompareExchange(ref _keptTimer, timer, null) is { } existing)
        {
            timer.Dispose();
            return existing;
        }

        return timer;
    }

    private void ReturnIdleConnection() => Interlocked.Exchange(ref _kept, null)?.Dispose();

    private static void Spoil(MySqlConnection connection) => Spoiled.AddOrUpdate(connection, SpoiledMark);
}
