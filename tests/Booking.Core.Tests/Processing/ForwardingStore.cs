using EventStore;

namespace Booking.Core.Tests.Processing;

/// <summary>A real store behind a test's wrapper: every call is forwarded; a wrapper overrides the calls it changes.</summary>
internal abstract class ForwardingStore(IEventStore store) : IEventStore
{
    public virtual Task<AppendResult> AppendAsync(
        string streamId, ExpectedVersion expected, IReadOnlyList<NewEvent> events, IReadOnlyList<ProjectionDocument>? documents = null, CancellationToken cancellationToken = default) =>
        store.AppendAsync(streamId, expected, events, documents, cancellationToken);

    public virtual Task SaveDocumentsAsync(string streamId, ExpectedVersion expected, IReadOnlyList<ProjectionDocument> documents, CancellationToken cancellationToken = default) =>
        store.SaveDocumentsAsync(streamId, expected, documents, cancellationToken);

    public virtual Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(string streamId, long fromVersion = 1, int maxCount = int.MaxValue, CancellationToken cancellationToken = default) =>
        store.ReadStreamAsync(streamId, fromVersion, maxCount, cancellationToken);

    public Task<IReadOnlyList<RecordedEvent>> ReadAllAsync(long fromPosition, int maxCount, CancellationToken cancellationToken = default) =>
        store.ReadAllAsync(fromPosition, maxCount, cancellationToken);

    public Task<long> ReadHeadPositionAsync(CancellationToken cancellationToken = default) => store.ReadHeadPositionAsync(cancellationToken);

    public Task<bool> ConfirmVersionAsync(string streamId, long version, CancellationToken cancellationToken = default) =>
        store.ConfirmVersionAsync(streamId, version, cancellationToken);

    public Task<StreamMetadata?> GetStreamAsync(string streamId, CancellationToken cancellationToken = default) => store.GetStreamAsync(streamId, cancellationToken);

    public Task<StoredDocument<T>?> LoadDocumentAsync<T>(string projection, string id, CancellationToken cancellationToken = default) =>
        store.LoadDocumentAsync<T>(projection, id, cancellationToken);

    public Task<IReadOnlyList<StoredDocument<T>>> ListDocumentsAsync<T>(string projection, int maxCount, CancellationToken cancellationToken = default) =>
        store.ListDocumentsAsync<T>(projection, maxCount, cancellationToken);

    public Task<IReadOnlyList<DocumentEntry<T>>> ListDocumentsAsync<T>(string projection, DocumentRange range, CancellationToken cancellationToken = default) =>
        store.ListDocumentsAsync<T>(projection, range, cancellationToken);
}
