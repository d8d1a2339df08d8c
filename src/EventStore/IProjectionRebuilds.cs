namespace EventStore;

/// <summary>A document a projection produced, with the stream version it reflects.</summary>
/// <param name="Id">The document's id within the projection.</param>
/// <param name="Document">
/// The document, serialized with the map's JSON options; null for a tombstone (the document is deleted, see
/// <see cref="ProjectionDocument.Delete"/>).
/// </param>
/// <param name="StreamVersion">The version of the stream the document reflects.</param>
public sealed record VersionedDocument(string Id, object? Document, long StreamVersion);

/// <summary>
/// Rebuilds a projection's documents beside the live ones, which stay in service until an atomic swap.
/// A checkpoint (the last global position applied) makes an interrupted rebuild resumable.
/// </summary>
public interface IProjectionRebuilds
{
    /// <summary>
    /// Starts a rebuild, or resumes the one in progress unless <paramref name="restart"/>; returns the last global
    /// position already applied (0 for a fresh start).
    /// </summary>
    Task<long> BeginRebuildAsync(string projection, bool restart, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads the global order from <paramref name="fromPosition"/> exactly as <see cref="IEventReader.ReadAllAsync"/>
    /// does (nothing that commits late is skipped), but only what a projection folds: position, stream, version and
    /// type, with the payload read and deserialized only for the types in <paramref name="payloadTypes"/>. A
    /// projection that counts most events by their type alone reads a fraction of the bytes.
    /// </summary>
    Task<IReadOnlyList<EventHeader>> ReadAllHeadersAsync(
        long fromPosition, int maxCount, IReadOnlySet<string> payloadTypes, CancellationToken cancellationToken = default);

    /// <summary>The documents the rebuild in progress has written so far, tombstones left out.</summary>
    Task<IReadOnlyList<StoredDocument<T>>> LoadRebuildDocumentsAsync<T>(string projection, CancellationToken cancellationToken = default);

    /// <summary>Writes documents to the rebuild and moves its checkpoint to <paramref name="checkpoint"/>, in one transaction.</summary>
    Task WriteRebuildAsync(string projection, IReadOnlyList<VersionedDocument> documents, long checkpoint, CancellationToken cancellationToken = default);

    /// <summary>Puts the rebuilt documents in service atomically; documents of other projections are carried over.</summary>
    Task SwapInAsync(string projection, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes documents into service only where they are newer than the stored ones (catching up after the swap). A
    /// tombstone is compared like any document: it deletes an older one, and an older one never replaces it.
    /// </summary>
    Task WriteIfNewerAsync(string projection, IReadOnlyList<VersionedDocument> documents, CancellationToken cancellationToken = default);
}
