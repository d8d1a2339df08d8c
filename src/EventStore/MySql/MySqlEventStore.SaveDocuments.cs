using MySqlConnector;

namespace EventStore.MySql;

public sealed partial class MySqlEventStore
{
    private protected override Task WriteDocumentsAsync(
        string streamId, ExpectedVersion expected, IReadOnlyList<PreparedDocument> documents, DateTime now, CancellationToken cancellationToken) =>
        MySqlErrors.RetryTransientAsync(() => SaveDocumentsOnceAsync(streamId, expected, documents, now, cancellationToken), () => IsGalera == true, cancellationToken);

    // The stream row is locked (FOR UPDATE) while the documents are written, so an append through the same server
    // cannot slip in between the version check and the commit. On Galera that lock is local to the node and the
    // version read can be a write behind, so the transaction also writes the stream row (ConfirmVersion): it then
    // loses certification to any append another node committed first, and is retried.
    private async Task<long> SaveDocumentsOnceAsync(
        string streamId, ExpectedVersion expected, IReadOnlyList<PreparedDocument> documents, DateTime now, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var actual = await LockStreamAsync(connection, streamId, cancellationToken).ConfigureAwait(false);
            if (!expected.IsSatisfiedBy(actual))
            {
                await ExecuteAsync(connection, MySqlStatements.Rollback, cancellationToken).ConfigureAwait(false);
                throw new WrongExpectedVersionException(streamId, expected, actual);
            }

            try
            {
                await using var command = connection.CreateCommand();
                command.Parameters.AddWithValue("@now", now);
                command.Parameters.AddWithValue("@stream", streamId);
                command.Parameters.AddWithValue("@version", actual);
                var galera = IsGalera == true;
                await MySqlStatements.SaveDocuments(documents, actual, confirm: galera && actual > 0, command.Parameters).RunAsync(command, galera, cancellationToken).ConfigureAwait(false);
                return actual;
            }
            catch (MySqlException e)
            {
                await TryExecuteAsync(connection, MySqlStatements.Rollback).ConfigureAwait(false);
                if (!e.IsDuplicateKey())
                    throw;
                throw new WrongExpectedVersionException(streamId, expected, actual, e);
            }
        }
    }
}
