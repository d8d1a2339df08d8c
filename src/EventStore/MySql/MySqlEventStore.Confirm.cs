namespace EventStore.MySql;

public sealed partial class MySqlEventStore
{
    /// <inheritdoc />
    public async Task<bool> ConfirmVersionAsync(string streamId, long version, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        ArgumentOutOfRangeException.ThrowIfNegative(version);
        // One server: a read sees every commit. Galera: a read may be a write behind, so the version is confirmed by a
        // write on the stream row instead, which loses certification to any append another node committed before it
        // and, retried, then sees that append. A stream that does not exist has no row to write: a read answers.
        if (IsGalera != true || version == 0)
            return ((await GetStreamAsync(streamId, cancellationToken).ConfigureAwait(false))?.Version ?? 0) == version;
        return await MySqlErrors.RetryTransientAsync(() => ConfirmOnceAsync(streamId, version, cancellationToken), galera: true, cancellationToken).ConfigureAwait(false);
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
