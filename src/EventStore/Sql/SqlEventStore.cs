namespace EventStore.Sql;

/// <summary>
/// The event store over a SQL database (<see cref="MySql.MySqlEventStore"/>, <see cref="Sqlite.SqliteEventStore"/>):
/// every surface of the store in one object, which the service registers once per interface.
/// </summary>
public abstract class SqlEventStore : IEventStore, IProjectionRebuilds, ISequenceNumbers
{
    private protected SqlEventStore()
    {
    }

    /// <inheritdoc />
    public abstract Task<AppendResult> AppendAsync(
        string streamId, ExpectedVersion expected, IReadOnlyList<NewEvent> events, IReadOnlyList<ProjectionDocument>? documents = null, CancellationToken cancellationToken = default);

    /// <inheritdoc />
    public abstract Task SaveDocumentsAsync(string streamId, ExpectedVersion expected, IReadOnlyList<ProjectionDocument> documents, CancellationToken cancellationToken = default);

    /// <inheritdoc />
    public abstract Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(string streamId, long fromVersion = 1, int maxCount = int.MaxValue, CancellationToken cancellationToken = default);

    /// <inheritdoc />
    public abstract Task<IReadOnlyList<RecordedEvent>> ReadAllAsync(long fromPosition, int maxCount, CancellationToken cancellationToken = default);

    /// <inheritdoc />
    public abstract Task<long> ReadHeadPositionAsync(CancellationToken cancellationToken = default);

    /// <inheritdoc />
    public abstract Task<StreamMetadata?> GetStreamAsync(string streamId, CancellationToken cancellationToken = default);

    /// <inheritdoc />
    public abstract Task<bool> ConfirmVersionAsync(string streamId, long version, CancellationToken cancellationToken = default);

    /// <inheritdoc />
    public abstract Task<StoredDocument<T>?> LoadDocumentAsync<T>(string projection, string id, CancellationToken cancellationToken = default);

    /// <inheritdoc />
    public abstract Task<IReadOnlyList<StoredDocument<T>>> ListDocumentsAsync<T>(string projection, int maxCount, CancellationToken cancellationToken = default);

    /// <inheritdoc />
    public abstract Task<IReadOnlyList<DocumentEntry<T>>> ListDocumentsAsync<T>(string projection, DocumentRange range, CancellationToken cancellationToken = default);

    /// <inheritdoc />
    public abstract Task<long> BeginRebuildAsync(string projection, bool restart, CancellationToken cancellationToken = default);

    /// <inheritdoc />
    public abstract Task<IReadOnlyList<EventHeader>> ReadAllHeadersAsync(long fromPosition, int maxCount, IReadOnlySet<string> payloadTypes, CancellationToken cancellationToken = default);

    /// <inheritdoc />
    public abstract Task<IReadOnlyList<StoredDocument<T>>> LoadRebuildDocumentsAsync<T>(string projection, CancellationToken cancellationToken = default);

    /// <inheritdoc />
    public abstract Task WriteRebuildAsync(string projection, IReadOnlyList<VersionedDocument> documents, long checkpoint, CancellationToken cancellationToken = default);

    /// <inheritdoc />
    public abstract Task SwapInAsync(string projection, CancellationToken cancellationToken = default);

    /// <inheritdoc />
    public abstract Task WriteIfNewerAsync(string projection, IReadOnlyList<VersionedDocument> documents, CancellationToken cancellationToken = default);

    /// <inheritdoc />
    public abstract Task<long> NextAsync(string name, CancellationToken cancellationToken = default);
}
