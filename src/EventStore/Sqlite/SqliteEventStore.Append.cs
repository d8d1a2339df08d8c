using System.Globalization;
using Microsoft.Data.Sqlite;

namespace EventStore.Sqlite;

public sealed partial class SqliteEventStore
{
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;

    /// <inheritdoc />
    public override async Task<AppendResult> AppendAsync(
        string streamId,
        ExpectedVersion expected,
        IReadOnlyList<NewEvent> events,
        IReadOnlyList<ProjectionDocument>? documents = null,
        CancellationToken cancellationToken = default)
    {
        var append = PreparedAppend.Create(streamId, events, documents, _types, _time);
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Microsoft.Data.Sqlite is synchronous underneath and waits out another process's write lock by
            // sleeping: run on the pool so that such a wait never blocks the caller's thread.
            return await Task.Run(() => AppendOnceAsync(append, expected, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writer.Release();
        }
    }

    private async Task<AppendResult> AppendOnceAsync(PreparedAppend append, ExpectedVersion expected, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
            return await AppendOnceAsync(connection, append, expected, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<AppendResult> AppendOnceAsync(
        SqliteConnection connection, PreparedAppend append, ExpectedVersion expected, CancellationToken cancellationToken)
    {
        // BEGIN IMMEDIATE: take the write lock before reading the version, so the check and the write are one step.
        var transaction = connection.BeginTransaction(deferred: false);
        await using (transaction.ConfigureAwait(false))
        {
            var actual = await ScalarAsync(connection, SqliteStatements.SelectStreamVersion, append.StreamId, cancellationToken).ConfigureAwait(false) ?? 0;
            if (!expected.IsSatisfiedBy(actual))
                return await RefusedAppendAsync(connection, append, expected, actual, null, cancellationToken).ConfigureAwait(false);

            try
            {
                await using var command = connection.CreateCommand();
                command.CommandText = SqliteStatements.InsertEvents(append, actual, command.Parameters);
                var lastPosition = await LastPositionAsync(command, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return append.ResultAfter(actual, lastPosition - append.Events.Count + 1);
            }
            catch (SqliteException e) when (IsConstraintViolation(e))
            {
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                var now = await ScalarAsync(connection, SqliteStatements.SelectStreamVersion, append.StreamId, cancellationToken).ConfigureAwait(false) ?? 0;
                return await RefusedAppendAsync(connection, append, expected, now, e, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    // Steps through every statement explicitly: ExecuteScalar stops reading after the first row and lets a failure in
    // a later statement (a claimed document that exists) pass unnoticed, so the commit would go ahead without it.
    private static async Task<long> LastPositionAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            long? last = null;
            do
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    last ??= Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture);
            }
            while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false));

            return last ?? throw new InvalidOperationException("The append did not report its last global position.");
        }
    }

    // UNIQUE (an event id or stream version taken) or PRIMARY KEY (a document claimed with MustBeNew exists).
    private static bool IsConstraintViolation(SqliteException e) =>
        e.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey;

    private static async Task<AppendResult> RefusedAppendAsync(
        SqliteConnection connection, PreparedAppend append, ExpectedVersion expected, long actual, Exception? cause, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = SqliteStatements.SelectEventIdentities(append.Events, command.Parameters);
        var stored = new List<StoredEventIdentity>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                stored.Add(new StoredEventIdentity(Guids.FromBytes((byte[])reader[0]), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3)));
        }

        return IdempotentAppend.OriginalResult(append, stored)
            ?? throw new WrongExpectedVersionException(append.StreamId, expected, actual, cause);
    }

    private static async Task<long?> ScalarAsync(SqliteConnection connection, string sql, string streamId, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, sql, streamId);
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is null or DBNull ? null : Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }
}
