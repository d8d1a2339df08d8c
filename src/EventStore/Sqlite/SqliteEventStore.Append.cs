using EventStore.Sql;
using Microsoft.Data.Sqlite;

namespace EventStore.Sqlite;

public sealed partial class SqliteEventStore
{
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;

    private protected override Task<AppendResult> WriteAppendAsync(PreparedAppend append, ExpectedVersion expected, CancellationToken cancellationToken) =>
        WriteAloneAsync(() => AppendOnceAsync(append, expected, cancellationToken), cancellationToken);

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
            var actual = await StreamVersionAsync(connection, append.StreamId, cancellationToken).ConfigureAwait(false);
            if (!expected.IsSatisfiedBy(actual))
                return await RefusedAppendAsync(connection, append, expected, actual, null, cancellationToken).ConfigureAwait(false);

            try
            {
                await using var command = connection.CreateCommand();
                command.CommandText = SqliteStatements.InsertEvents(append, actual, command.Parameters);
                // Read to the last statement: a claimed document that exists fails there, and must fail before the commit.
                var lastPosition = await command.FirstInt64Async(cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException("The append did not report its last global position.");
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return append.ResultAfter(actual, lastPosition - append.Events.Count + 1);
            }
            catch (SqliteException e) when (IsConstraintViolation(e))
            {
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                return await RefusedAppendAsync(connection, append, expected, null, e, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    // UNIQUE (an event id or stream version taken) or PRIMARY KEY (a document claimed with MustBeNew exists).
    private static bool IsConstraintViolation(SqliteException e) =>
        e.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey;
}
