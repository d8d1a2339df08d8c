namespace EventStore.MySql;

public sealed partial class MySqlEventStore
{
    /// <inheritdoc />
    public async Task<bool> ConfirmVersionAsync(string streamId, long version, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        ArgumentOutOfRangeException.ThrowIfNegative(version);
        var read = ((await GetStreamAsync(streamId, cancellationToken).ConfigureAwait(false))?.Version ?? 0) == version;
        // One server: the read saw every commit. Galera: the read may be a write behind, so a version it agrees with is
        // confirmed by a write on the stream row, which loses certification to any append another node committed before
        // it; retried, it then sees that append. A stream that does not exist has no row to write: the read stands.
        if (!read || IsGalera != true || version == 0)
            return read;
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
