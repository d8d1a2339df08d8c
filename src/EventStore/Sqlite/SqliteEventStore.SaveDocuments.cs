using Microsoft.Data.Sqlite;

namespace EventStore.Sqlite;

public sealed partial class SqliteEventStore
{
    /// <inheritdoc />
    public override async Task SaveDocumentsAsync(
        string streamId, ExpectedVersion expected, IReadOnlyList<ProjectionDocument> documents, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        var prepared = PreparedDocument.All(documents ?? throw new ArgumentNullException(nameof(documents)), _types);
        if (prepared.Length == 0)
            return;
        var now = PreparedAppend.Now(_time);
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // On the pool for the same reason as AppendAsync: a wait for another process's write lock sleeps.
            await Task.Run(() => SaveDocumentsOnceAsync(streamId, expected, prepared, now, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writer.Release();
        }
    }

    private async Task SaveDocumentsOnceAsync(
        string streamId, ExpectedVersion expected, IReadOnlyList<PreparedDocument> documents, DateTime now, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = connection.BeginTransaction(deferred: false);
            await using (transaction.ConfigureAwait(false))
            {
                var actual = await ScalarAsync(connection, SqliteStatements.SelectStreamVersion, streamId, cancellationToken).ConfigureAwait(false) ?? 0;
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
