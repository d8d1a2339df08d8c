namespace EventStore;

/// <summary>Reads the read-model documents that appends wrote inline (see <see cref="ProjectionDocument"/>).</summary>
public interface IDocumentReader
{
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
