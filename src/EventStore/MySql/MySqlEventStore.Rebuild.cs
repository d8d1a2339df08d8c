using MySqlConnector;

namespace EventStore.MySql;

public sealed partial class MySqlEventStore
{
    private const int DocumentsPerStatement = 500;

    /// <inheritdoc />
    public override async Task<long> BeginRebuildAsync(string projection, bool restart, CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            if (!restart)
            {
                await using var select = RebuildCommand(connection, MySqlRebuildStatements.SelectCheckpoint, projection);
                await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false) && reader.GetBoolean(1))
                    return reader.GetInt64(0);
            }

            await using var start = RebuildCommand(connection, MySqlRebuildStatements.StartFresh, projection);
            await start.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        }
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<StoredDocument<T>>> LoadRebuildDocumentsAsync<T>(string projection, CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = RebuildCommand(connection, MySqlRebuildStatements.LoadRebuild, projection);
            return await ReadDocumentsAsync<T>(command, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public override async Task WriteRebuildAsync(string projection, IReadOnlyList<VersionedDocument> documents, long checkpoint, CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await UpsertAsync(connection, transaction, "documents_rebuild", projection, documents, onlyNewer: false, cancellationToken).ConfigureAwait(false);
                await using var move = RebuildCommand(connection, MySqlRebuildStatements.MoveCheckpoint, projection, transaction);
                move.Parameters.AddWithValue("@checkpoint", checkpoint);
                await move.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc />
    public override async Task SwapInAsync(string projection, CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var swap = RebuildCommand(connection, MySqlRebuildStatements.Swap, projection);
            await swap.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public override async Task WriteIfNewerAsync(string projection, IReadOnlyList<VersionedDocument> documents, CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
            await UpsertAsync(connection, null, "documents", projection, documents, onlyNewer: true, cancellationToken).ConfigureAwait(false);
    }

    private async Task UpsertAsync(
        MySqlConnection connection, MySqlTransaction? transaction, string table, string projection, IReadOnlyList<VersionedDocument> documents, bool onlyNewer, CancellationToken cancellationToken)
    {
        foreach (var chunk in documents.Chunk(DocumentsPerStatement))
        {
            await using var command = RebuildCommand(connection, string.Empty, projection, transaction);
            command.CommandText = MySqlRebuildStatements.Upsert(table, chunk, [.. chunk.Select(d => _types.SerializeDocument(d.Document))], onlyNewer, command.Parameters);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private MySqlCommand RebuildCommand(MySqlConnection connection, string sql, string projection, MySqlTransaction? transaction = null)
    {
        var command = new MySqlCommand(sql, connection, transaction);
        command.Parameters.AddWithValue("@projection", projection);
        command.Parameters.AddWithValue("@now", _time.GetUtcNow().UtcDateTime);
        return command;
    }
}
