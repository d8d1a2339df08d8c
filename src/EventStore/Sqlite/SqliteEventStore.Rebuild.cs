using System.Data.Common;

namespace EventStore.Sqlite;

public sealed partial class SqliteEventStore
{
    private protected override string StartFreshSql => SqliteRebuildStatements.StartFresh;

    private protected override string SwapSql => SqliteRebuildStatements.Swap;

    private protected override string OnExistingDocument(string table, bool onlyNewer) => SqliteRebuildStatements.OnExistingDocument(table, onlyNewer);

    // Every rebuild write takes the same writer lock and write transaction as appends.
    private protected override Task RebuildWriteAsync(bool atomic, Func<DbConnection, DbTransaction?, Task> write, CancellationToken cancellationToken) =>
        WriteAloneAsync(async () =>
        {
            var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                using var transaction = connection.BeginTransaction(deferred: false);
                await write(connection, transaction).ConfigureAwait(false);
                transaction.Commit();
            }
        }, cancellationToken);
}
