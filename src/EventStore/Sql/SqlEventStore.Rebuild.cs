using System.Data.Common;

namespace EventStore.Sql;

public abstract partial class SqlEventStore
{
    private const int DocumentsPerStatement = 500;

    /// <summary>Starts a rebuild over: its shadow documents deleted, its checkpoint at 0 (@projection, @now).</summary>
    private protected abstract string StartFreshSql { get; }

    /// <summary>Puts the shadow documents in service in one atomic step (@projection, @now).</summary>
    private protected abstract string SwapSql { get; }

    /// <summary>
    /// What an existing row becomes in the insert of <see cref="SqlStatements.InsertDocuments"/>: replaced, or with
    /// <paramref name="onlyNewer"/> replaced only by a higher stream version.
    /// </summary>
    private protected abstract string OnExistingDocument(string table, bool onlyNewer);

    /// <summary>
    /// Runs a rebuild's write on one connection: in one transaction when <paramref name="atomic"/>; a provider may use
    /// a transaction always (the transaction passed to <paramref name="write"/> is then not null).
    /// </summary>
    private protected abstract Task RebuildWriteAsync(bool atomic, Func<DbConnection, DbTransaction?, Task> write, CancellationToken cancellationToken);

    /// <inheritdoc />
    public async Task<long> BeginRebuildAsync(string projection, bool restart, CancellationToken cancellationToken = default)
    {
        if (!restart)
        {
            var checkpoints = await QueryAsync(
                connection => RebuildCommand(connection, SqlStatements.SelectCheckpoint, projection, null),
                row => (Position: row.GetInt64(0), Rebuilding: row.GetBoolean(1)), cancellationToken).ConfigureAwait(false);
            if (checkpoints is [{ Rebuilding: true } checkpoint])
                return checkpoint.Position;
        }

        await RebuildWriteAsync(atomic: false, (connection, transaction) => ExecuteAsync(connection, transaction, StartFreshSql, projection, cancellationToken), cancellationToken)
            .ConfigureAwait(false);
        return 0;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredDocument<T>>> LoadRebuildDocumentsAsync<T>(string projection, CancellationToken cancellationToken = default) =>
        QueryAsync(connection => RebuildCommand(connection, SqlStatements.LoadRebuild, projection, null), ToStoredDocument<T>, cancellationToken);

    /// <inheritdoc />
    public Task WriteRebuildAsync(string projection, IReadOnlyList<VersionedDocument> documents, long checkpoint, CancellationToken cancellationToken = default) =>
        RebuildWriteAsync(atomic: true, async (connection, transaction) =>
        {
            await UpsertAsync(connection, transaction, "documents_rebuild", projection, documents, onlyNewer: false, cancellationToken).ConfigureAwait(false);
            await using var move = RebuildCommand(connection, SqlStatements.MoveCheckpoint, projection, transaction).With("@checkpoint", checkpoint);
            await move.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <inheritdoc />
    public Task SwapInAsync(string projection, CancellationToken cancellationToken = default) =>
        RebuildWriteAsync(atomic: false, (connection, transaction) => ExecuteAsync(connection, transaction, SwapSql, projection, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task WriteIfNewerAsync(string projection, IReadOnlyList<VersionedDocument> documents, CancellationToken cancellationToken = default) =>
        RebuildWriteAsync(atomic: false, (connection, transaction) =>
            UpsertAsync(connection, transaction, "documents", projection, documents, onlyNewer: true, cancellationToken), cancellationToken);

    private async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, string projection, CancellationToken cancellationToken)
    {
        await using var command = RebuildCommand(connection, sql, projection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task UpsertAsync(
        DbConnection connection, DbTransaction? transaction, string table, string projection, IReadOnlyList<VersionedDocument> documents, bool onlyNewer, CancellationToken cancellationToken)
    {
        foreach (var chunk in documents.Chunk(DocumentsPerStatement))
        {
            await using var command = RebuildCommand(connection, string.Empty, projection, transaction);
            command.CommandText = SqlStatements.InsertDocuments(table, chunk, [.. chunk.Select(d => Types.SerializeDocument(d.Document))], command)
                .Append(OnExistingDocument(table, onlyNewer)).ToString();
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private DbCommand RebuildCommand(DbConnection connection, string sql, string projection, DbTransaction? transaction) =>
        connection.NewCommand(sql, transaction).With("@projection", projection).With("@now", TimeValue(Time.GetUtcNow().UtcDateTime));
}
