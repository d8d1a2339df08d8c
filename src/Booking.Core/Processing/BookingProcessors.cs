using System.Collections.Concurrent;
using Booking.Core.Idempotency;
using Booking.Core.Telemetry;
using Booking.Core.TicketedEvents;
using EventStore;
using Microsoft.Extensions.Logging;

namespace Booking.Core.Processing;

/// <summary>
/// The entry point for commands: routes each to its ticketed event's processor, starting one when needed.
/// See <see cref="TicketedEventProcessor"/> for the ordering, batching and failure rules.
/// </summary>
public sealed partial class BookingProcessors : IAsyncDisposable, IProcessorGauges
{
    private readonly ConcurrentDictionary<TicketedEventId, TicketedEventProcessor> _processors = new();
    private readonly ConcurrentDictionary<string, byte> _keysInFlight = new(StringComparer.Ordinal);
    private readonly Lock _creating = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly IEventStore _store;
    private readonly ProcessorOptions _options;
    private readonly ILogger _logger;
    private readonly BookingMetrics _metrics = BookingMetrics.Shared;
    private volatile bool _stopped;

    public BookingProcessors(IEventStore store, ProcessorOptions options, ILogger<BookingProcessors> logger)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxBatchSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.QueueCapacity);
        _store = store;
        _options = options;
        _logger = logger;
        _metrics.Observe(this);
    }

    /// <summary>
    /// Queues <paramref name="command"/> for ticketed event <paramref name="id"/> and completes once its outcome is
    /// committed. Throws <see cref="BookingUnavailableException"/> at once when the queue is full or the service stops.
    /// </summary>
    public Task<CommandResult> SendAsync(TicketedEventId id, TicketedEventCommand command, Guid correlationId) =>
        Enqueue(id, new QueuedCommand(command, correlationId));

    /// <summary>
    /// Sends <paramref name="command"/> with an idempotency key. A key already stored gets its stored answer replayed
    /// (or, if it was stored for another request, is refused) without running anything; a key whose first request is
    /// still running in this service is refused at once; otherwise the command runs and its answer is stored in the
    /// same transaction as its events. Across processes the store's claim on the key decides (see the ADR 0006).
    /// </summary>
    public Task<IdempotentResult> SendAsync(TicketedEventId id, TicketedEventCommand command, Guid correlationId, IdempotentRequest idempotency) =>
        SendAsync(() => Task.FromResult((id, command)), correlationId, idempotency);

    /// <summary>
    /// As the other overload, for a command whose ticketed event is not known yet: <paramref name="address"/> is called
    /// only once the key turned out to be new, so a retried initialize replays its answer without taking another id.
    /// </summary>
    public async Task<IdempotentResult> SendAsync(
        Func<Task<(TicketedEventId Id, TicketedEventCommand Command)>> address, Guid correlationId, IdempotentRequest idempotency)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(idempotency);
        if (!_keysInFlight.TryAdd(idempotency.DocumentId, 0))
            return new IdempotentResult(IdempotencyOutcome.KeyInFlight, null);
        try
        {
            // The key is released only after the first request's transaction has committed (or failed), so a later
            // request with it either finds the record here or the key is free because nothing was stored.
            var stored = await _store.LoadDocumentAsync<IdempotencyRecord>(IdempotencyRecord.Projection, idempotency.DocumentId).ConfigureAwait(false);
            if (stored is not null)
                return Answered(idempotency.Against(stored.Document), idempotency, correlationId);

            var (id, command) = await address().ConfigureAwait(false);
            var result = await Enqueue(id, new QueuedCommand(command, correlationId, idempotency)).ConfigureAwait(false);
            return Answered(
                result.Idempotency ?? throw new InvalidOperationException("A command sent with an idempotency key came back without its stored answer."),
                idempotency, correlationId);
        }
        finally
        {
            _keysInFlight.TryRemove(idempotency.DocumentId, out _);
        }
    }

    // A replay runs nothing, so the processor never logs it: it is logged here, in its own request's context.
    private IdempotentResult Answered(IdempotentResult result, IdempotentRequest idempotency, Guid correlationId)
    {
        if (result.Outcome == IdempotencyOutcome.Replayed)
        {
            _metrics.Replayed();
            LogReplayed(idempotency.Key, result.Record?.TicketedEventId ?? 0, correlationId);
        }

        return result;
    }

    private Task<CommandResult> Enqueue(TicketedEventId id, QueuedCommand queued)
    {
        while (true)
        {
            if (_stopped)
            {
                _metrics.Unavailable(queued.Command);
                throw new BookingUnavailableException("The service is shutting down.", TimeSpan.FromSeconds(5));
            }

            var processor = ProcessorFor(id);
            if (processor.TryEnqueue(queued))
                return queued.Result;
            if (!processor.IsClosed)
            {
                _metrics.Unavailable(queued.Command);
                throw new BookingUnavailableException("Too many requests are waiting for this event.", TimeSpan.FromSeconds(1));
            }

            // It went idle just now; forget it and start a fresh one.
            _processors.TryRemove(KeyValuePair.Create(id, processor));
        }
    }

    /// <summary>Starts the processors of <paramref name="ids"/> so that they load their state before commands arrive.</summary>
    public void WarmUp(IEnumerable<TicketedEventId> ids)
    {
        foreach (var id in ids)
        {
            if (_stopped)
                return;
            ProcessorFor(id);
        }
    }

    /// <summary>What each live processor holds in memory: the debug cache.</summary>
    public IReadOnlyList<ProcessorSnapshot> Snapshot() =>
        [.. _processors.Values.Select(p => new ProcessorSnapshot(p.Id, p.State, p.QueueLength)).Where(s => s.State.Exists)];

    /// <summary>Refuses new commands, writes the queued ones, and after <paramref name="cancellationToken"/> fires answers the rest "unavailable".</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _stopped = true;
        foreach (var processor in _processors.Values)
            processor.Close();

        var all = Task.WhenAll(_processors.Values.Select(p => p.Completion));
        try
        {
            await all.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            try
            {
                await _stopping.CancelAsync().ConfigureAwait(false);
            }
            catch (ObjectDisposedException)
            {
                // A host whose stop outlived its timeout disposes its services meanwhile (seen in the Galera node-crash
                // test): DisposeAsync has already cancelled and drained every processor.
            }

            await all.ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(_options.ShutdownTimeout);
        await StopAsync(timeout.Token).ConfigureAwait(false);
        _stopping.Dispose();
        _metrics.Forget(this);
    }

    private TicketedEventProcessor ProcessorFor(TicketedEventId id)
    {
        if (_processors.TryGetValue(id, out var processor))
            return processor;

        lock (_creating)
        {
            if (!_processors.TryGetValue(id, out processor))
            {
                processor = new TicketedEventProcessor(id, _store, _options, _logger, Leave, _stopping.Token);
                _processors[id] = processor;
                if (_stopped)
                    processor.Close();
            }

            return processor;
        }
    }

    long IProcessorGauges.QueuedCommands
    {
        get
        {
            long queued = 0;
            foreach (var (_, processor) in _processors)
                queued += processor.QueueLength;
            return queued;
        }
    }

    int IProcessorGauges.LiveProcessors => _processors.Count;

    [LoggerMessage(LogLevel.Information, "Replayed the stored answer of Idempotency-Key {IdempotencyKey} for {TicketedEventId} (correlation {CorrelationId}); nothing ran")]
    private partial void LogReplayed(string idempotencyKey, long ticketedEventId, Guid correlationId);

    private bool Leave(TicketedEventProcessor processor) =>
        _processors.TryRemove(KeyValuePair.Create(processor.Id, processor));
}

/// <summary>One processor's in-memory view.</summary>
public sealed record ProcessorSnapshot(TicketedEventId Id, TicketedEventState State, int QueueLength);
