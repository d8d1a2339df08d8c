using System.Data.Common;

namespace EventStore.Sql;

public abstract partial class SqlEventStore
{
    /// <inheritdoc />
    public async Task SaveDocumentsAsync(
        string streamId, ExpectedVersion expected, IReadOnlyList<ProjectionDocument> documents, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        var prepared = PreparedDocument.All(documents ?? throw new ArgumentNullException(nameof(documents)), Types);
        if (prepared.Length == 0)
            return;
        await WriteDocumentsAsync(streamId, expected, prepared, PreparedAppend.Now(Time), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes <paramref name="documents"/> at the stream's version if it satisfies <paramref name="expected"/>, checked
    /// under the stream's lock; else, or if a claim exists, throws <see cref="WrongExpectedVersionException"/>.
    /// </summary>
    private protected abstract Task WriteDocumentsAsync(
        string streamId, ExpectedVersion expected, IReadOnlyList<PreparedDocument> documents, DateTime now, CancellationToken cancellationToken);

    /// <inheritdoc />
    public async Task<StoredDocument<T>?> LoadDocumentAsync<T>(string projection, string id, CancellationToken cancellationToken = default)
    {
        var documents = await QueryAsync(
            connection => connection.NewCommand(SqlStatements.LoadDocument).With("@projection", projection).With("@id", id),
            ToStoredDocument<T>, cancellationToken).ConfigureAwait(false);
        return documents.Count > 0 ? documents[0] : null;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredDocument<T>>> ListDocumentsAsync<T>(string projection, int maxCount, CancellationToken cancellationToken = default) =>
        QueryAsync(
            connection => connection.NewCommand(SqlStatements.ListDocuments).With("@projection", projection).With("@max", maxCount),
            ToStoredDocument<T>, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<DocumentEntry<T>>> ListDocumentsAsync<T>(string projection, DocumentRange range, CancellationToken cancellationToken = default)
    {
        PrefixRange.Validate(range);
        var upper = PrefixRange.UpperBound(range.Prefix);
        return await QueryAsync(
            connection => connection.NewCommand(SqlStatements.ListDocumentRange(upper is not null, range.After is not null, range.Descending))
                .With("@projection", projection).With("@prefix", range.Prefix).With("@upper", upper).With("@after", range.After).With("@max", range.MaxCount),
            row => new DocumentEntry<T>(row.GetString(0), Types.DeserializeDocument<T>(row.GetString(1)), row.GetInt64(2), ReadTime(row, 3)),
            cancellationToken).ConfigureAwait(false);
    }

    // Rows of (data, stream_version, updated_at), from documents or documents_rebuild.
    private StoredDocument<T> ToStoredDocument<T>(DbDataReader row) =>
        new(Types.DeserializeDocument<T>(row.GetString(0)), row.GetInt64(1), ReadTime(row, 2));
}
