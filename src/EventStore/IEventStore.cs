namespace EventStore;

/// <summary>
/// An append-only store of event streams, with a global order across streams and inline read-model documents.
/// </summary>
public interface IEventStore
{
    /// <summary>
    /// Appends <paramref name="events"/> to <paramref name="streamId"/> in one transaction, together with
    /// <paramref name="documents"/>, if the stream is at <paramref name="expected"/>. Re-sending an append whose
    /// event ids are already stored at those positions returns the original result.
    /// </summary>
    /// <exception cref="WrongExpectedVersionException">
    /// The stream was at another version, or a document marked <see cref="ProjectionDocument.MustBeNew"/> exists
    /// already; nothing was written.
    /// </exception>
    Task<AppendResult> AppendAsync(
        string streamId,
        ExpectedVersion expected,
        IReadOnlyList<NewEvent> events,
        IReadOnlyList<ProjectionDocument>? documents = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes <paramref name="documents"/> without any event, in one transaction, if <paramref name="streamId"/> is at
    /// <paramref name="expected"/> (checked under the stream's lock, as an append would): for documents that record
    /// a decision which changed nothing, such as the stored answer to a refused request. They carry the stream's
    /// current version.
    /// </summary>
    /// <exception cref="WrongExpectedVersionException">
    /// The stream was at another version, or a document marked <see cref="ProjectionDocument.MustBeNew"/> exists
    /// already; nothing was written.
    /// </exception>
    Task SaveDocumentsAsync(
        string streamId,
        ExpectedVersion expected,
        IReadOnlyList<ProjectionDocument> documents,
        CancellationToken cancellationToken = default);

    /// <summary>Reads up to <paramref name="maxCount"/> events of a stream, from <paramref name="fromVersion"/> on, in version order.</summary>
    Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(
        string streamId,
        long fromVersion = 1,
        int maxCount = int.MaxValue,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads up to <paramref name="maxCount"/> events of all streams in global order, from <paramref name="fromPosition"/> on.
    /// Never skips an event that commits late: it returns only events below the safe high-water mark, waiting for
    /// appends in flight below it to commit or roll back. Positions may have gaps (rolled-back appends).
    /// </summary>
    Task<IReadOnlyList<RecordedEvent>> ReadAllAsync(
        long fromPosition,
        int maxCount,
        CancellationToken cancellationToken = default);

    /// <summary>The highest global position committed so far (0 for an empty store); gaps below it are possible.</summary>
    Task<long> ReadHeadPositionAsync(CancellationToken cancellationToken = default);

    /// <summary>The stream's metadata, or null if it does not exist.</summary>
    Task<StreamMetadata?> GetStreamAsync(string streamId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Whether <paramref name="streamId"/> is at exactly <paramref name="version"/> (0: it does not exist), checked so
    /// that the answer is ordered with every append: for a decision that appends nothing and rests on that version.
    /// On one server a read; on a Galera cluster, where a read can be a write behind, a write that fails certification
    /// against an append another node committed first (retried until it sees it).
    /// </summary>
    Task<bool> ConfirmVersionAsync(string streamId, long version, CancellationToken cancellationToken = default);

    /// <summary>Loads one read-model document, or null if there is none (or it was deleted: a tombstone).</summary>
    Task<StoredDocument<T>?> LoadDocumentAsync<T>(string projection, string id, CancellationToken cancellationToken = default);

    /// <summary>Lists up to <paramref name="maxCount"/> documents of a projection, most recently written first, tombstones left out.</summary>
    Task<IReadOnlyList<StoredDocument<T>>> ListDocumentsAsync<T>(string projection, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists a projection's documents in id order, a page at a time (see <see cref="DocumentRange"/>): up to
    /// <see cref="DocumentRange.MaxCount"/> documents, tombstones left out (a page is short only at the range's end).
    /// </summary>
    Task<IReadOnlyList<DocumentEntry<T>>> ListDocumentsAsync<T>(string projection, DocumentRange range, CancellationToken cancellationToken = default);
}
