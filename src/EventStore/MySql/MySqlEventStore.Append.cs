using MySqlConnector;

namespace EventStore.MySql;

public sealed partial class MySqlEventStore
{
    /// <inheritdoc />
    public Task<AppendResult> AppendAsync(
        string streamId,
        ExpectedVersion expected,
        IReadOnlyList<NewEvent> events,
        IReadOnlyList<ProjectionDocument>? documents = null,
        CancellationToken cancellationToken = default)
    {
        var append = PreparedAppend.Create(streamId, events, documents, _types, _time);
        return MySqlErrors.RetryTransientAsync(() => AppendOnceAsync(append, expected, cancellationToken), cancellationToken);
    }

    // Two round trips: lock the stream row and read its version; then write everything and commit.
    // The version is checked before anything is inserted, so a refused append burns no global position.
    private async Task<AppendResult> AppendOnceAsync(PreparedAppend append, ExpectedVersion expected, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var actual = await LockStreamAsync(connection, append.StreamId, cancellationToken).ConfigureAwait(false);
            if (!expected.IsSatisfiedBy(actual))
            {
                await ExecuteAsync(connection, MySqlStatements.Rollback, cancellationToken).ConfigureAwait(false);
                return await RefusedAppendAsync(connection, append, expected, actual, null, cancellationToken).ConfigureAwait(false);
            }

            try
            {
                var firstPosition = await InsertAsync(connection, append, actual, cancellationToken).ConfigureAwait(false);
                return append.ResultAfter(actual, firstPosition);
            }
            catch (MySqlException e) when (e.IsDuplicateKey())
            {
                await ExecuteAsync(connection, MySqlStatements.Rollback, cancellationToken).ConfigureAwait(false);
                var now = await StreamVersionAsync(connection, append.StreamId, cancellationToken).ConfigureAwait(false);
                return await RefusedAppendAsync(connection, append, expected, now, e, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task<long> LockStreamAsync(MySqlConnection connection, string streamId, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, MySqlStatements.BeginAndLockStream, streamId);
        return await FirstInt64Async(command, cancellationToken).ConfigureAwait(false) ?? 0;
    }

    private static async Task<long> InsertAsync(MySqlConnection connection, PreparedAppend append, long previousVersion, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = MySqlStatements.InsertEvents(append, previousVersion, command.Parameters);
        return await FirstInt64Async(command, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The append did not report its first global position.");
    }

    // Reads every result set of a multi-statement command, so that an error in a later statement (COMMIT above
    // all) surfaces here, and returns the first value of the first row.
    private static async Task<long?> FirstInt64Async(MySqlCommand command, CancellationToken cancellationToken)
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

    private static async Task<AppendResult> RefusedAppendAsync(
        MySqlConnection connection, PreparedAppend append, ExpectedVersion expected, long actual, Exception? cause, CancellationToken cancellationToken)
    {
        var stored = await StoredIdentitiesAsync(connection, append.Events, cancellationToken).ConfigureAwait(false);
        return IdempotentAppend.OriginalResult(append, stored)
            ?? throw new WrongExpectedVersionException(append.StreamId, expected, actual, cause);
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
}
