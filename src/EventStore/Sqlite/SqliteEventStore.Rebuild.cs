using Microsoft.Data.Sqlite;

namespace EventStore.Sqlite;

public sealed partial class SqliteEventStore
{
    private const int DocumentsPerStatement = 500;

    /// <inheritdoc />
    public override async Task<long> BeginRebuildAsync(string projection, bool restart, CancellationToken cancellationToken = default)
    {
        if (!restart)
        {
            var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                await using var select = RebuildCommand(connection, SqliteRebuildStatements.SelectCheckpoint, projection);
                await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false) && reader.GetInt64(1) == 1)
                    return reader.GetInt64(0);
            }
        }

        await WriteAsync(projection, SqliteRebuildStatements.StartFresh, null, cancellationToken).ConfigureAwait(false);
        return 0;
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<StoredDocument<T>>> LoadRebuildDocumentsAsync<T>(string projection, CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = RebuildCommand(connection, SqliteRebuildStatements.LoadRebuild, projection);
            return await ReadDocumentsAsync<T>(command, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public override Task WriteRebuildAsync(string projection, IReadOnlyList<VersionedDocument> documents, long checkpoint, CancellationToken cancellationToken = default) =>
        WriteAsync(projection, null, async (connection, transaction) =>
        {
            await UpsertAsync(connection, transaction, "documents_rebuild", projection, documents, onlyNewer: false, cancellationToken).ConfigureAwait(false);
            await using var move = RebuildCommand(connection, SqliteRebuildStatements.MoveCheckpoint, projection, transaction);
            move.Parameters.AddWithValue("@checkpoint", checkpoint);
            await move.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <inheritdoc />
    public override Task SwapInAsync(string projection, CancellationToken cancellationToken = default) =>
        WriteAsync(projection, SqliteRebuildStatements.Swap, null, cancellationToken);

    /// <inheritdoc />
    public override Task WriteIfNewerAsync(string projection, IReadOnlyList<VersionedDocument> documents, CancellationToken cancellationToken = default) =>
        WriteAsync(projection, null, (connection, transaction) =>
            UpsertAsync(connection, transaction, "documents", projection, documents, onlyNewer: true, cancellationToken), cancellationToken);

    // Every write takes the same in-process writer lock and write transaction as appends.
    private async Task WriteAsync(string projection, string? sql, Func<SqliteConnection, SqliteTransaction, Task>? work, CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await Task.Run(async () =>
            {
                var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
                await using (connection.ConfigureAwait(false))
                {
                    using var transaction = connection.BeginTransaction(deferred: false);
                    if (sql is not null)
                    {
                        await using var command = RebuildCommand(connection, sql, projection, transaction);
                        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    }

                    if (work is not null)
                        await work(connection, transaction).ConfigureAwait(false);
                    transaction.Commit();
                }
            }, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writer.Release();
        }
    }

    private async Task UpsertAsync(
        SqliteConnection connection, SqliteTransaction transaction, string table, string projection, IReadOnlyList<VersionedDocument> documents, bool onlyNewer, CancellationToken cancellationToken)
    {
        foreach (var chunk in documents.Chunk(DocumentsPerStatement))
        {
            await using var command = RebuildCommand(connection, string.Empty, projection, transaction);
            command.CommandText = SqliteRebuildStatements.Upsert(table, chunk, [.. chunk.Select(d => _types.SerializeDocument(d.Document))], onlyNewer, command.Parameters);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private SqliteCommand RebuildCommand(SqliteConnection connection, string sql, string projection, SqliteTransaction? transaction = null)
    {
        var command = Command(connection, sql);
        command.Transaction = transaction;
        command.Parameters.AddWithValue("@projection", projection);
        command.Parameters.AddWithValue("@now", SqliteTime.Format(_time.GetUtcNow().UtcDateTime));
        return command;
    }
}
