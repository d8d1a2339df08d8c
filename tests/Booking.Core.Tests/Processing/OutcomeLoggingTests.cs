using System.Collections.Concurrent;
using Booking.Core.Processing;
using Booking.Core.TicketedEvents;
using EventStore;
using Microsoft.Extensions.Logging;

namespace Booking.Core.Tests.Processing;

/// <summary>
/// A committed batch's outcome lines, and then its answers, are written once the next batch's append is on its way (or
/// at once when nothing is queued): neither is on the path from one commit to the next append.
/// </summary>
public sealed class OutcomeLoggingTests : IAsyncLifetime
{
    private readonly SqliteStoreFixture _fixture = new();

    public Task InitializeAsync() => _fixture.InitializeAsync();

    public Task DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task Batch_lines_are_written_after_the_next_batch_append_is_sent_and_before_it_commits()
    {
        var id = new TicketedEventId(41);
        var lines = new LinesLogger();
        using var store = new SteppedStore(_fixture.Store, lines);
        var processor = new TicketedEventProcessor(id, store, new ProcessorOptions(), lines, _ => false, CancellationToken.None);
        await SendAsync(processor, new InitializeTickets(id, "Gala", 10));
        store.Hold();

        var alice = Enqueue(processor, new BookTicket(new UserId(1)));
        await store.ArrivedAsync(appends: 2);
        var bob = Enqueue(processor, new BookTicket(new UserId(2)));
        store.Release();
        await alice.Result;
        await store.ArrivedAsync(appends: 3);

        store.LinesWhenAppendArrived[2].ShouldNotContain(l => l.StartsWith("Booked", StringComparison.Ordinal), "Alice's line waits for Bob's append");
        await lines.WaitForAsync("Booked 41 for user 1; 9 left");
        bob.Result.IsCompleted.ShouldBeFalse("Bob's append is still held");
        store.Release();
        await bob.Result;
        await lines.WaitForAsync("Booked 41 for user 2; 8 left");
        lines.All.ShouldBe(["Initialized 41 'Gala' with 10 tickets", "Booked 41 for user 1; 9 left", "Booked 41 for user 2; 8 left"]);
        processor.Close();
        await processor.Completion;
    }

    [Fact]
    public async Task Last_batch_lines_are_written_when_nothing_else_is_queued()
    {
        var id = new TicketedEventId(42);
        var lines = new LinesLogger();
        var processor = new TicketedEventProcessor(id, _fixture.Store, new ProcessorOptions(), lines, _ => false, CancellationToken.None);

        await SendAsync(processor, new InitializeTickets(id, "Gala", 10));
        await SendAsync(processor, new BookTicket(new UserId(7)));

        await lines.WaitForAsync("Booked 42 for user 7; 9 left");
        processor.Close();
        await processor.Completion;
    }

    private static QueuedCommand Enqueue(TicketedEventProcessor processor, TicketedEventCommand command)
    {
        var queued = new QueuedCommand(command, Guid.NewGuid());
        processor.TryEnqueue(queued).ShouldBeTrue();
        return queued;
    }

    private static async Task SendAsync(TicketedEventProcessor processor, TicketedEventCommand command) =>
        (await Enqueue(processor, command).Result).Decision.IsRejected.ShouldBeFalse();

    /// <summary>Every message logged, in order.</summary>
    private sealed class LinesLogger : ILogger
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public IReadOnlyList<string> All => [.. _lines];

        public async Task WaitForAsync(string line)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            while (!_lines.Contains(line))
                await Task.Delay(5, timeout.Token);
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            _lines.Enqueue(formatter(state, exception));
    }

    /// <summary>A store whose appends, once held, each wait for a release; it notes the lines logged when each arrived.</summary>
    private sealed class SteppedStore(IEventStore store, LinesLogger lines) : ForwardingStore(store), IDisposable
    {
        private readonly SemaphoreSlim _arrived = new(0);
        private SemaphoreSlim? _permits;

        public List<IReadOnlyList<string>> LinesWhenAppendArrived { get; } = [];

        public void Hold() => _permits = new SemaphoreSlim(0);

        public void Dispose()
        {
            _arrived.Dispose();
            _permits?.Dispose();
        }

        public void Release() => _permits!.Release();

        public async Task ArrivedAsync(int appends)
        {
            while (LinesWhenAppendArrived.Count < appends)
                (await _arrived.WaitAsync(TimeSpan.FromSeconds(10))).ShouldBeTrue("an append should have arrived");
        }

        public override async Task<AppendResult> AppendAsync(
            string streamId, ExpectedVersion expected, IReadOnlyList<NewEvent> events, IReadOnlyList<ProjectionDocument>? documents = null, CancellationToken cancellationToken = default)
        {
            lock (LinesWhenAppendArrived)
                LinesWhenAppendArrived.Add(lines.All);
            _arrived.Release();
            if (_permits is { } permits)
                await permits.WaitAsync(cancellationToken);
            return await base.AppendAsync(streamId, expected, events, documents, cancellationToken);
        }
    }
}
