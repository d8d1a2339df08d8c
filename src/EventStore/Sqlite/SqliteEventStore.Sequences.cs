using System.Globalization;

namespace EventStore.Sqlite;

public sealed partial class SqliteEventStore
{
    private protected override Task<long> NextNumberAsync(string name, CancellationToken cancellationToken) =>
        WriteAloneAsync(() => NextOnceAsync(name, cancellationToken), cancellationToken);

    // An explicit write transaction, committed after the RETURNING row is read and the statement finished, so the
    // number returned is the number stored.
    private async Task<long> NextOnceAsync(string name, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = connection.BeginTransaction(deferred: false);
            await using (transaction.ConfigureAwait(false))
            {
                long next;
                await using (var command = Command(connection, SqliteStatements.NextSequenceNumber))
                {
                    command.Parameters.AddWithValue("@name", name);
                    next = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return next;
            }
        }
    }
}
