using System.Globalization;

namespace EventStore.Sqlite;

public sealed partial class SqliteEventStore
{
    /// <inheritdoc />
    public override async Task<long> NextAsync(string name, CancellationToken cancellationToken = default)
    {
        SequenceName.Validate(name);
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // On the pool for the same reason as AppendAsync: a wait for another process's write lock sleeps.
            return await Task.Run(() => NextOnceAsync(name, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writer.Release();
        }
    }

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
