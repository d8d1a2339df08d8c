using System.Collections.Concurrent;
using Booking.Core.TicketedEvents;
using EventStore;
using Microsoft.Extensions.Logging;

namespace Booking.Core.Processing;

/// <summary>
/// The entry point for commands: routes each to its ticketed event's processor, starting one when needed.
/// See <see cref="TicketedEventProcessor"/> for the ordering, batching and failure rules.
/// </summary>
public sealed class BookingProcessors : IAsyncDisposable
{
    private readonly ConcurrentDictionary<TicketedEventId, TicketedEventProcessor> _processors = new();
    private readonly Lock _creating = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly IEventStore _store;
    private readonly ProcessorOptions _options;
    private readonly ILogger _logger;
    private volatile bool _stopped;

    public BookingProcessors(IEventStore store, ProcessorOptions options, ILogger<BookingProcessors> logger)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxBatchSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.QueueCapacity);
        _store = store;
        _options = options;
        _logger = logger;
    }

    /// <summary>
    /// Queues <paramref name="command"/> for ticketed event <paramref name="id"/> and completes once its outcome is
    /// committed. Throws <see cref="BookingUnavailableException"/> at once when the queue is full or the service stops.
    /// </summary>
    public Task<CommandResult> SendAsync(TicketedEventId id, TicketedEventCommand command, Guid correlationId)
    {
        var queued = new QueuedCommand(command, correlationId);
        while (true)
        {
            if (_stopped)
                throw new BookingUnavailableException("The service is shutting down.", TimeSpan.FromSeconds(5));

            var processor = ProcessorFor(id);
            if (processor.TryEnqueue(queued))
                return queued.Result;
            if (!processor.IsClosed)
                throw new BookingUnavailableException("Too many requests are waiting for this event.", TimeSpan.FromSeconds(1));

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
            await _stopping.CancelAsync().ConfigureAwait(false);
            await all.ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(_options.ShutdownTimeout);
        await StopAsync(timeout.Token).ConfigureAwait(false);
        _stopping.Dispose();
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

    private bool Leave(TicketedEventProcessor processor) =>
        _processors.TryRemove(KeyValuePair.Create(processor.Id, processor));
}

/// <summary>One processor's in-memory view.</summary>
public sealed record ProcessorSnapshot(TicketedEventId Id, TicketedEventState State, int QueueLength);
