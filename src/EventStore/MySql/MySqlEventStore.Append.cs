using EventStore.Sql;
using MySqlConnector;

namespace EventStore.MySql;

public sealed partial class MySqlEventStore
{
    private protected override Task<AppendResult> WriteAppendAsync(PreparedAppend append, ExpectedVersion expected, CancellationToken cancellationToken) =>
        expected.Value >= 0 && _options.MaxAppendsPerCommit > 1 && append.Events.Count <= _options.MaxEventsPerGroupedAppend
            ? EnqueueAsync(append, expected.Value, cancellationToken)
            : AppendAloneAsync(append, expected, cancellationToken);

    private Task<AppendResult> AppendAloneAsync(PreparedAppend append, ExpectedVersion expected, CancellationToken cancellationToken) =>
        MySqlErrors.RetryTransientAsync(() => AppendOnceAsync(append, expected, cancellationToken), () => IsGalera == true, cancellationToken);

    // An exact expectation is checked by the write itself: one round trip on a single server. Any and StreamExists
    // first lock the stream row to learn its version (two round trips). Either way the version is checked before
    // anything is inserted.
    private Task<AppendResult> AppendOnceAsync(PreparedAppend append, ExpectedVersion expected, CancellationToken cancellationToken) =>
        InWriteTransactionAsync(async connection =>
        {
            var exact = expected.Value >= 0;
            var previous = exact ? expected.Value : await LockStreamAsync(connection, append.StreamId, cancellationToken).ConfigureAwait(false);
            if (!expected.IsSatisfiedBy(previous))
            {
                await ExecuteAsync(connection, MySqlStatements.Rollback, cancellationToken).ConfigureAwait(false);
                return await RefusedAppendAsync(connection, append, expected, null, null, cancellationToken).ConfigureAwait(false);
            }

            try
            {
                var firstPosition = await WriteAsync(
                    connection, parameters => exact
                        ? MySqlStatements.ConditionalAppend([new VersionedAppend(append, previous)], parameters)
                        : MySqlStatements.AppendToLockedStreams([new VersionedAppend(append, previous)], parameters), cancellationToken).ConfigureAwait(false);
                return append.ResultAfter(previous, firstPosition);
            }
            catch (Exception e) when (e is MySqlException or StreamNotWrittenException)
            {
                await TryExecuteAsync(connection, MySqlStatements.Rollback).ConfigureAwait(false);
                if (!IsRefusal(e))
                    throw;
                return await RefusedAppendAsync(connection, append, expected, null, e, cancellationToken).ConfigureAwait(false);
            }
        }, cancellationToken);

    // The stream was not at its version, or a row that must be new exists (a stream created meanwhile, an event id or
    // a claim stored before): nothing was written.
    private static bool IsRefusal(Exception e) => e is StreamNotWrittenException || (e is MySqlException m && m.IsDuplicateKey());

    private static async Task<long> LockStreamAsync(MySqlConnection connection, string streamId, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, MySqlStatements.BeginAndLockStream, streamId);
        return await command.FirstInt64Async(cancellationToken).ConfigureAwait(false) ?? 0;
    }

    // Runs a write script and commits, in one round trip or one statement per round trip (Galera: see MySqlWriteScript).
    private async Task<long> WriteAsync(MySqlConnection connection, Func<MySqlParameterCollection, MySqlWriteScript> script, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        return await script(command.Parameters).RunAsync(command, IsGalera == true, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The append did not report its first global position.");
    }

    private static async Task ExecuteAsync(MySqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, sql);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    // Best effort on a connection that may be broken; if it is, the server drops its locks and transaction anyway, and
    // the connection is neither kept for the next append nor reused by the pool.
    private static async Task TryExecuteAsync(MySqlConnection connection, string sql)
    {
        try
        {
            await ExecuteAsync(connection, sql, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is MySqlException or InvalidOperationException)
        {
            Spoil(connection);
            MySqlConnection.ClearPool(connection);
        }
    }
}
