// Invariants of a ticketed event's processor (one instance per ticketed event per process):
// - Ordering: a single consumer reads a bounded Channel in FIFO order and decides commands one after another
//   against its in-memory state, so waiting-list order is arrival order.
// - Batching: it drains up to MaxBatchSize queued commands, decides them all, and writes their events in ONE
//   append (expected version = the state's version), with the status document in the same transaction.
// - Acknowledgement: a caller's task completes only after the append holding its events has committed. Rejections
//   wait for that commit too, since they may rest on events decided earlier in the same batch.
// - Correctness: the store's expected-version check, not this class, stops overselling across processes. On a
//   conflict the consumer catches up from the store and decides the batch again. A batch of refusals only appends
//   nothing, so no such check covers it: it is answered only once the store has confirmed the state's version
//   (IEventStore.ConfirmVersionAsync, a write that certifies on Galera, where a read can be a write behind), else
//   another process's write could be missed; a stream that moves on every time is answered from its last read after
//   MaxConflictRetries tries.
// - Failure: a failed append is retried with the same event ids (the store's append is idempotent). If it keeps
//   failing, the batch's callers get BookingUnavailableException (saying the outcome is unknown) and the state is
//   reloaded before the next batch, because the outcome of the last attempt is unknown until then. Catching up
//   checks the event at the state's version by id, not only the version number: a state that diverged from the
//   stream (events it holds that were never stored) is folded again from the start.
// - Idempotency: a command sent with an idempotency key has its answer stored as a claimed document (MustBeNew)
//   in the same transaction as the batch's events, or alone (at the version it was decided at) when the batch wrote
//   none. A key answered earlier in the batch, or found stored by another writer after a conflict, is answered from
//   that record and never decided twice; a claim that exists already refuses the whole write like a conflict.
// - Answering: a committed batch's callers are answered, each just after its outcome line (and command metrics), once
//   the next batch's write is on its way, or at once if nothing is queued: neither is on the path from one commit to
//   the next append. The line comes first because it is logged under its request's activity, which ends with the
//   request. Lines keep the order of the decisions.
// - Back-pressure: the queue is bounded; a full queue refuses at once (HTTP 503 with Retry-After).
// - Shutdown: the queue is completed (new commands refused), queued commands are decided and written; once the
//   shutdown token fires, whatever is left is answered "unavailable".
// - Context: the loop runs with no ExecutionContext of its own (flow is suppressed when it starts), so nothing of the
//   request that happened to start it (trace id, logging scope) sticks to it; each command's outcome is logged under
//   that command's own request activity and correlation id (CommandLogScope).
// - Idle: after IdleTimeout with nothing queued the processor leaves the registry and stops.
using System.Threading.Channels;
using Booking.Core.Telemetry;
using Booking.Core.TicketedEvents;
using EventStore;
using Microsoft.Extensions.Logging;

namespace Booking.Core.Processing;

internal sealed partial class TicketedEventProcessor
{
    private readonly Channel<QueuedCommand> _queue;
    private readonly IEventStore _store;
    private readonly ProcessorOptions _options;
    private readonly ILogger _logger;
    private readonly BookingMetrics _metrics = BookingMetrics.Shared;
    private readonly Func<TicketedEventProcessor, bool> _leaveRegistry;
    private readonly CancellationToken _stopping;
    private readonly FoldedStream _stream;

    // The last batch committed whose callers are still to be answered (see LogAndAnswer).
    private (List<QueuedCommand> Batch, CommandResult?[] Results)? _unanswered;

    public TicketedEventProcessor(
        TicketedEventId id, IEventStore store, ProcessorOptions options, ILogger logger,
        Func<TicketedEventProcessor, bool> leaveRegistry, CancellationToken stopping)
    {
        Id = id;
        _store = store;
        _options = options;
        _logger = logger;
        _leaveRegistry = leaveRegistry;
        _stopping = stopping;
        _stream = new FoldedStream(id, store, logger, stopping);
        _queue = Channel.CreateBounded<QueuedCommand>(new BoundedChannelOptions(options.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        // Without this the loop would inherit the creating request's context, and log every later command under
        // that request's trace id and path.
        using (ExecutionContext.SuppressFlow())
            Completion = Task.Run(RunAsync, CancellationToken.None);
    }

    public TicketedEventId Id { get; }

    /// <summary>The committed state (what the debug cache shows).</summary>
    public TicketedEventState State => _stream.State;

    public int QueueLength => _queue.Reader.Count;

    /// <summary>True once the processor accepts no more commands (idle, or shutting down).</summary>
    public bool IsClosed { get; private set; }

    public Task Completion { get; }

    public bool TryEnqueue(QueuedCommand command) => _queue.Writer.TryWrite(command);

    public void Close()
    {
        IsClosed = true;
        _queue.Writer.TryComplete();
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        await LoadAsync().ConfigureAwait(false);
        while (await WaitForWorkAsync(reader).ConfigureAwait(false))
        {
            // A new list each time: the last one may still be owed its answers.
            var batch = new List<QueuedCommand>(Math.Min(reader.Count, _options.MaxBatchSize));
            while (batch.Count < _options.MaxBatchSize && reader.TryRead(out var command))
                batch.Add(command);

            if (_stopping.IsCancellationRequested)
            {
                LogAndAnswer();
                FailAll(batch, new BookingUnavailableException("The service is shutting down.", TimeSpan.FromSeconds(5)));
            }
            else if (batch.Count > 0)
                await ProcessAsync(batch).ConfigureAwait(false);

            // A stream that does not exist (a command for an unknown id) is not worth keeping in memory.
            if (!_stream.State.Exists && reader.Count == 0 && _leaveRegistry(this))
                Close();
        }

        LogAndAnswer();
    }

    private async Task<bool> WaitForWorkAsync(ChannelReader<QueuedCommand> reader)
    {
        if (reader.TryPeek(out _))
            return true;

        // Nothing to write next: answer the last batch now rather than after whatever comes.
        LogAndAnswer();

        using var idle = new CancellationTokenSource(_options.IdleTimeout);
        try
        {
            return await reader.WaitToReadAsync(idle.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (idle.IsCancellationRequested)
        {
            // Leave the registry first, then close: a command that slips in between is still drained.
            if (_leaveRegistry(this))
                Close();
            return await reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    // Load before the first command arrives, so the debug cache shows a warmed processor at once. A failure
    // here is not fatal: the state stays stale and the first batch loads it again.
    private async Task LoadAsync()
    {
        try
        {
            await _stream.CatchUpAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogLoadFailed(e, Id.Value);
        }
    }

    private void FailAll(List<QueuedCommand> batch, Exception error)
    {
        foreach (var command in batch)
        {
            _metrics.Unavailable(command.Command);
            command.Fail(error);
        }
    }
}
