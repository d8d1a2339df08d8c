using System.Diagnostics;
using EventStore;
using EventStore.Sql;

namespace Operations.Bench.Measuring;

/// <summary>
/// Passes every call through to the real store and adds up the wall time spent in it, per kind of call, so a run
/// of the rebuild or the audit splits into reading, writing and everything else (the projection or the checks).
/// One Stopwatch reading per call (per 20,000-event page for the scans) costs nothing measurable.
/// </summary>
internal sealed class TimedStore(SqlEventStore store) : IEventStore, IProjectionRebuilds
{
    private readonly Dictionary<string, (long Calls, long Items, long Ticks)> _phases = [];

    public IReadOnlyList<Phase> TakePhases()
    {
        lock (_phases)
        {
            var phases = _phases.Select(p => new Phase(p.Key, p.Value.Calls, p.Value.Items, Stopwatch.GetElapsedTime(0, p.Value.Ticks))).ToList();
            _phases.Clear();
            return phases;
        }
    }

    public Task<AppendResult> AppendAsync(
        string streamId, ExpectedVersion expected, IReadOnlyList<NewEvent> events, IReadOnlyList<ProjectionDocument>? documents = null, CancellationToken cancellationToken = default) =>
        TimeAsync("append", events.Count, () => store.AppendAsync(streamId, expected, events, documents, cancellationToken));

    public Task SaveDocumentsAsync(string streamId, ExpectedVersion expected, IReadOnlyList<ProjectionDocument> documents, CancellationToken cancellationToken = default) =>
        TimeAsync("SaveDocumentsAsync", documents.Count, async () =>
        {
            await store.SaveDocumentsAsync(streamId, expected, documents, cancellationToken);
            return 0;
        });

    public Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(string streamId, long fromVersion = 1, int maxCount = int.MaxValue, CancellationToken cancellationToken = default) =>
        TimeAsync("ReadStreamAsync", r => r.Count, () => store.ReadStreamAsync(streamId, fromVersion, maxCount, cancellationToken));

    public Task<IReadOnlyList<RecordedEvent>> ReadAllAsync(long fromPosition, int maxCount, CancellationToken cancellationToken = default) =>
        TimeAsync("ReadAllAsync", r => r.Count, () => store.ReadAllAsync(fromPosition, maxCount, cancellationToken));

    public Task<long> ReadHeadPositionAsync(CancellationToken cancellationToken = default) =>
        TimeAsync("ReadHeadPositionAsync", 0, () => store.ReadHeadPositionAsync(cancellationToken));

    public Task<bool> ConfirmVersionAsync(string streamId, long version, CancellationToken cancellationToken = default) =>
        TimeAsync("ConfirmVersionAsync", 1, () => store.ConfirmVersionAsync(streamId, version, cancellationToken));

    public Task<StreamMetadata?> GetStreamAsync(string streamId, CancellationToken cancellationToken = default) =>
        TimeAsync("GetStreamAsync", 1, () => store.GetStreamAsync(streamId, cancellationToken));

    public Task<StoredDocument<T>?> LoadDocumentAsync<T>(string projection, string id, CancellationToken cancellationToken = default) =>
        TimeAsync("LoadDocumentAsync", 1, () => store.LoadDocumentAsync<T>(projection, id, cancellationToken));

    public Task<IReadOnlyList<StoredDocument<T>>> ListDocumentsAsync<T>(string projection, int maxCount, CancellationToken cancellationToken = default) =>
        TimeAsync("ListDocumentsAsync", r => r.Count, () => store.ListDocumentsAsync<T>(projection, maxCount, cancellationToken));

    public Task<IReadOnlyList<DocumentEntry<T>>> ListDocumentsAsync<T>(string projection, DocumentRange range, CancellationToken cancellationToken = default) =>
        TimeAsync("ListDocumentsAsync", r => r.Count, () => store.ListDocumentsAsync<T>(projection, range, cancellationToken));

    public Task<long> BeginRebuildAsync(string projection, bool restart, CancellationToken cancellationToken = default) =>
        TimeAsync("BeginRebuildAsync", 0, () => store.BeginRebuildAsync(projection, restart, cancellationToken));

    public Task<IReadOnlyList<StoredDocument<T>>> LoadRebuildDocumentsAsync<T>(string projection, CancellationToken cancellationToken = default) =>
        TimeAsync("LoadRebuildDocumentsAsync", r => r.Count, () => store.LoadRebuildDocumentsAsync<T>(projection, cancellationToken));

    public Task<IReadOnlyList<EventHeader>> ReadAllHeadersAsync(
        long fromPosition, int maxCount, IReadOnlySet<string> payloadTypes, CancellationToken cancellationToken = default) =>
        TimeAsync("ReadAllHeadersAsync", r => r.Count, () => store.ReadAllHeadersAsync(fromPosition, maxCount, payloadTypes, cancellationToken));

    public Task WriteRebuildAsync(string projection, IReadOnlyList<VersionedDocument> documents, long checkpoint, CancellationToken cancellationToken = default) =>
        TimeAsync("WriteRebuildAsync", documents.Count, async () =>
        {
            await store.WriteRebuildAsync(projection, documents, checkpoint, cancellationToken);
            return 0;
        });

    public Task SwapInAsync(string projection, CancellationToken cancellationToken = default) =>
        TimeAsync("SwapInAsync", 0, async () =>
        {
            await store.SwapInAsync(projection, cancellationToken);
            return 0;
        });

    public Task WriteIfNewerAsync(string projection, IReadOnlyList<VersionedDocument> documents, CancellationToken cancellationToken = default) =>
        TimeAsync("WriteIfNewerAsync", documents.Count, async () =>
        {
            await store.WriteIfNewerAsync(projection, documents, cancellationToken);
            return 0;
        });

    private Task<T> TimeAsync<T>(string phase, long items, Func<Task<T>> call) => TimeAsync(phase, _ => items, call);

    private async Task<T> TimeAsync<T>(string phase, Func<T, long> items, Func<Task<T>> call)
    {
        var start = Stopwatch.GetTimestamp();
        var result = await call();
        var ticks = Stopwatch.GetTimestamp() - start;
        lock (_phases)
        {
            var (calls, count, total) = _phases.GetValueOrDefault(phase);
            _phases[phase] = (calls + 1, count + items(result), total + ticks);
        }

        return result;
    }
}
