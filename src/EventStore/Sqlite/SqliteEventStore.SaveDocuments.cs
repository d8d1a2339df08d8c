using Microsoft.Data.Sqlite;

namespace EventStore.Sqlite;

public sealed partial class SqliteEventStore
{
    private protected override Task WriteDocumentsAsync(
        string streamId, ExpectedVersion expected, IReadOnlyList<PreparedDocument> documents, DateTime now, CancellationToken cancellationToken) =>
        WriteAloneAsync(() => SaveDocumentsOnceAsync(streamId, expected, documents, now, cancellationToken), cancellationToken);

    private async Task SaveDocumentsOnceAsync(
        string streamId, ExpectedVersion expected, IReadOnlyList<PreparedDocument> documents, DateTime now, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = connection.BeginTransaction(deferred: false);
            await using (transaction.ConfigureAwait(false))
            {
                var actual = await StreamVersionAsync(connection, streamId, cancellationToken).ConfigureAwait(false);
                if (!expected.IsSatisfiedBy(actual))
                    throw new WrongExpectedVersionException(streamId, expected, actual);

                try
                {
                    await using var command = connection.CreateCommand();
                    command.CommandText = SqliteStatements.SaveDocuments(documents, actual, command.Parameters);
                    command.Parameters.AddWithValue("@now", SqliteTime.Format(now));
                    await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (SqliteException e) when (IsConstraintViolation(e))
                {
                    await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                    throw new WrongExpectedVersionException(streamId, expected, actual, e);
                }
            }
        }
    }
}
