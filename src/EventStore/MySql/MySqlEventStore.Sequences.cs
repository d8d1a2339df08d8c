namespace EventStore.MySql;

public sealed partial class MySqlEventStore
{
    private protected override Task<long> NextNumberAsync(string name, CancellationToken cancellationToken) =>
        MySqlErrors.RetryTransientAsync(() => NextOnceAsync(name, cancellationToken), () => IsGalera == true, cancellationToken, MySqlErrors.MaxAttemptsOnOneHotRow);

    // One autocommit statement, on every topology: it is its own transaction, so a Galera abort (lost certification
    // against another node raising the same counter) surfaces as error 1213 on it and nothing is half written. The
    // number comes back in the OK packet (LAST_INSERT_ID(expr)), so no second statement reads it.
    private async Task<long> NextOnceAsync(string name, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = Command(connection, MySqlStatements.NextSequenceNumber);
            command.Parameters.AddWithValue("@name", name);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return command.LastInsertedId;
        }
    }
}
