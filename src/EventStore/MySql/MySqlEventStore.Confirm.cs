using EventStore.Sql;

namespace EventStore.MySql;

public sealed partial class MySqlEventStore
{
    /// <inheritdoc />
    public override async Task<bool> ConfirmVersionAsync(string streamId, long version, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        ArgumentOutOfRangeException.ThrowIfNegative(version);
        // One server: a read sees every commit. Galera: a read may be a write behind, so the version is confirmed by a
        // write on the stream row instead, which loses certification to any append another node committed before it
        // and, retried, then sees that append. A stream that does not exist has no row to write: its absence is read
        // in a transaction that writes the position counter, which every append writes too.
        if (IsGalera != true)
            return await base.ConfirmVersionAsync(streamId, version, cancellationToken).ConfigureAwait(false);
        return await MySqlErrors.RetryTransientAsync(
            () => version == 0 ? ConfirmAbsentOnceAsync(streamId, cancellationToken) : ConfirmOnceAsync(streamId, version, cancellationToken),
            isGalera: static () => true, cancellationToken, version == 0 ? MySqlErrors.MaxAttemptsOnOneHotRow : MySqlErrors.MaxAttemptsOnGalera).ConfigureAwait(false);
    }

    private async Task<bool> ConfirmAbsentOnceAsync(string streamId, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await using (var raise = Command(connection, MySqlStatements.ConfirmAbsent))
                {
                    raise.Transaction = transaction;
                    await raise.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await using var read = Command(connection, SqlStatements.SelectStreamVersion, streamId);
                read.Transaction = transaction;
                var absent = await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null or DBNull;
                // The commit is what certifies: an abort (error 1213) means another node appended meanwhile; retried.
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return absent;
            }
        }
    }

    private async Task<bool> ConfirmOnceAsync(string streamId, long version, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = Command(connection, MySqlStatements.ConfirmVersion, streamId);
            command.Parameters.AddWithValue("@version", version);
            // Autocommit: one statement, whose abort by the cluster is reported as error 1213.
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }
    }
}
