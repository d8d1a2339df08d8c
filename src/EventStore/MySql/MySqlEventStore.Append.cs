using MySqlConnector;

namespace EventStore.MySql;

public sealed partial class MySqlEventStore
{
    /// <inheritdoc />
    public override Task<AppendResult> AppendAsync(
        string streamId,
        ExpectedVersion expected,
        IReadOnlyList<NewEvent> events,
        IReadOnlyList<ProjectionDocument>? documents = null,
        CancellationToken cancellationToken = default)
    {
        var append = PreparedAppend.Create(streamId, events, documents, _types, _time);
        return expected.Value >= 0 && _options.MaxAppendsPerCommit > 1 && append.Events.Count <= _options.MaxEventsPerGroupedAppend
            ? EnqueueAsync(append, expected.Value, cancellationToken)
            : AppendAloneAsync(append, expected, cancellationToken);
    }

    private Task<AppendResult> AppendAloneAsync(PreparedAppend append, ExpectedVersion expected, CancellationToken cancellationToken) =>
        MySqlErrors.RetryTransientAsync(() => AppendOnceAsync(append, expected, cancellationToken), () => IsGalera == true, cancellationToken);

    // An exact expectation is checked by the write itself: one round trip on a single server. Any and StreamExists
    // first lock the stream row to learn its version (two round trips). Either way the version is checked before
    // anything is inserted.
    private async Task<AppendResult> AppendOnceAsync(PreparedAppend append, ExpectedVersion expected, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var exact = expected.Value >= 0;
            var previous = exact ? expected.Value : await LockStreamAsync(connection, append.StreamId, cancellationToken).ConfigureAwait(false);
            if (!expected.IsSatisfiedBy(previous))
            {
                await ExecuteAsync(connection, MySqlStatements.Rollback, cancellationToken).ConfigureAwait(false);
                return await RefusedAppendAsync(connection, append, expected, null, cancellationToken).ConfigureAwait(false);
            }

            try
            {
                var firstPosition = await WriteAsync(
                    connection, parameters => MySqlStatements.ConditionalAppend([new VersionedAppend(append, previous)], versionsLocked: !exact, parameters), cancellationToken).ConfigureAwait(false);
                return append.ResultAfter(previous, firstPosition);
            }
            catch (Exception e) when (e is MySqlException or StreamNotWrittenException)
            {
                await TryExecuteAsync(connection, MySqlStatements.Rollback).ConfigureAwait(false);
                if (!IsRefusal(e))
                    throw;
                return await RefusedAppendAsync(connection, append, expected, e, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    // The stream was not at its version, or a row that must be new exists (a stream created meanwhile, an event id or
    // a claim stored before): nothing was written.
    private static bool IsRefusal(Exception e) => e is StreamNotWrittenException || (e is MySqlException m && m.IsDuplicateKey());

    private static async Task<long> LockStreamAsync(MySqlConnection connection, string streamId, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, MySqlStatements.BeginAndLockStream, streamId);
        return await FirstInt64Async(command, cancellationToken).ConfigureAwait(false) ?? 0;
    }

    // Runs a write script and commits, in one round trip or one statement per round trip (Galera: see MySqlWriteScript).
    private async Task<long> WriteAsync(MySqlConnection connection, Func<MySqlParameterCollection, MySqlWriteScript> script, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        return await script(command.Parameters).RunAsync(command, IsGalera == true, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The append did not report its first global position.");
    }

    // Reads every result set of a multi-statement command, so that an error in a later statement (COMMIT above
    // all) surfaces here, and returns the first value of the first row.
    internal static async Task<long?> FirstInt64Async(MySqlCommand command, CancellationToken cancellationToken)
    {
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            long? first = null;
            do
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    first ??= reader.IsDBNull(0) ? null : reader.GetInt64(0);
            }
            while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false));

            return first;
        }
    }

    // A refused append is either a retry of one that was stored (answered with the original result) or a conflict.
    private static async Task<AppendResult> RefusedAppendAsync(
        MySqlConnection connection, PreparedAppend append, ExpectedVersion expected, Exception? cause, CancellationToken cancellationToken)
    {
        var stored = await StoredIdentitiesAsync(connection, append.Events, cancellationToken).ConfigureAwait(false);
        if (IdempotentAppend.OriginalResult(append, stored) is { } original)
            return original;
        var actual = await StreamVersionAsync(connection, append.StreamId, cancellationToken).ConfigureAwait(false);
        throw new WrongExpectedVersionException(append.StreamId, expected, actual, cause);
    }

    private static async Task<IReadOnlyList<StoredEventIdentity>> StoredIdentitiesAsync(
        MySqlConnection connection, IReadOnlyList<PreparedEvent> events, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = MySqlStatements.SelectEventIdentities(events, command.Parameters);
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            var stored = new List<StoredEventIdentity>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                stored.Add(new StoredEventIdentity(Guids.FromBytes((byte[])reader[0]), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3)));
            return stored;
        }
    }

    private static async Task<long> StreamVersionAsync(MySqlConnection connection, string streamId, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, MySqlStatements.SelectStreamVersion, streamId);
        return await FirstInt64Async(command, cancellationToken).ConfigureAwait(false) ?? 0;
    }

    private static async Task ExecuteAsync(MySqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, sql);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    // Best effort on a connection that may be broken; if it is, the server drops its locks and transaction anyway.
    private static async Task TryExecuteAsync(MySqlConnection connection, string sql)
    {
        try
        {
            await ExecuteAsync(connection, sql, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is MySqlException or InvalidOperationException)
        {
            MySqlConnection.ClearPool(connection);
        }
    }
}
