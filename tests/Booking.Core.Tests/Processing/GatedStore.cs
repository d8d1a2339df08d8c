using EventStore;

namespace Booking.Core.Tests.Processing;

/// <summary>A real store whose stream reads and writes can be held at a gate: to line commands up deterministically.</summary>
internal sealed class GatedStore(IEventStore store) : ForwardingStore(store)
{
    private TaskCompletionSource _reads = Opened();
    private TaskCompletionSource _writes = Opened();
    private TaskCompletionSource _writeReached = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a write has arrived at the held gate.</summary>
    public Task WriteReached => _writeReached.Task;

    public void HoldReads() => _reads = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void ReleaseReads() => _reads.TrySetResult();

    public void HoldWrites()
    {
        _writeReached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        _writes = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public void ReleaseWrites() => _writes.TrySetResult();

    public override async Task<AppendResult> AppendAsync(
        string streamId, ExpectedVersion expected, IReadOnlyList<NewEvent> events, IReadOnlyList<ProjectionDocument>? documents = null, CancellationToken cancellationToken = default)
    {
        await AtWriteGateAsync();
        return await base.AppendAsync(streamId, expected, events, documents, cancellationToken);
    }

    public override async Task SaveDocumentsAsync(string streamId, ExpectedVersion expected, IReadOnlyList<ProjectionDocument> documents, CancellationToken cancellationToken = default)
    {
        await AtWriteGateAsync();
        await base.SaveDocumentsAsync(streamId, expected, documents, cancellationToken);
    }

    public override async Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(string streamId, long fromVersion = 1, int maxCount = int.MaxValue, CancellationToken cancellationToken = default)
    {
        await _reads.Task;
        return await base.ReadStreamAsync(streamId, fromVersion, maxCount, cancellationToken);
    }

    private static TaskCompletionSource Opened()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        gate.SetResult();
        return gate;
    }

    private async Task AtWriteGateAsync()
    {
        _writeReached.TrySetResult();
        await _writes.Task;
    }
}
