using System.Data.Common;

namespace EventStore.MySql;

public sealed partial class MySqlEventStore
{
    private protected override string ReadAllHeadersSql => MySqlStatements.ReadAllHeaders;

    private protected override string StartFreshSql => MySqlRebuildStatements.StartFresh;

    private protected override string SwapSql => MySqlRebuildStatements.Swap;

    private protected override string OnExistingDocument(string table, bool onlyNewer) => MySqlRebuildStatements.OnExistingDocument(onlyNewer);

    // Only a rebuild's page and its checkpoint go in one transaction; the other writes run statement by statement (the
    // swap's RENAME TABLE would commit an open transaction anyway).
    private protected override async Task RebuildWriteAsync(bool atomic, Func<DbConnection, DbTransaction?, Task> write, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            if (!atomic)
            {
                await write(connection, null).ConfigureAwait(false);
                return;
            }

            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await write(connection, transaction).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
