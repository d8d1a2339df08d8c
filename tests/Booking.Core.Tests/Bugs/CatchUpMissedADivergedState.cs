using Booking.Core.Processing;
using Booking.Core.Tests.Processing;
using Booking.Core.TicketedEvents;
using EventStore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Booking.Core.Tests.Bugs;

/// <summary>
/// Found on Galera (issue #11): an append the cluster aborted was reported as written, so the processor's state held
/// a booking the stream did not. After the next conflict it caught up from its own version number onwards, folding
/// another writer's events onto that state, and the phantom booking stayed. Catching up now checks the event at the
/// state's version by id and folds the stream again from the start when it is not there.
/// </summary>
public sealed class CatchUpMissedADivergedState : IAsyncLifetime
{
    private static readonly UserId Alice = new(1);
    private static readonly UserId Bob = new(2);
    private static readonly UserId Carol = new(3);
    private readonly SqliteStoreFixture _fixture = new();

    public Task InitializeAsync() => _fixture.InitializeAsync();

    public Task DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task Catch_up_after_a_conflict_reloads_a_state_that_holds_an_event_never_stored()
    {
        var store = new LostAppendStore(_fixture.Store);
        var id = new TicketedEventId(1);
        await _fixture.Store.AppendAsync(id.StreamId, ExpectedVersion.NoStream, [new NewEvent(Guid.CreateVersion7(), new TicketsInitialized(id, "Gala", 3))]);
        var processor = new TicketedEventProcessor(id, store, new ProcessorOptions(), NullLogger.Instance, _ => false, CancellationToken.None);

        store.LoseNextAppend();
        (await SendAsync(processor, new BookTicket(Alice))).Decision.IsRejected.ShouldBeFalse("the lost append was reported as written");
        // Another writer takes versions 2 and 3, so the processor's next append conflicts and it catches up.
        await _fixture.Store.AppendAsync(id.StreamId, ExpectedVersion.Exactly(1),
            [new NewEvent(Guid.CreateVersion7(), new TicketBooked(Bob)), new NewEvent(Guid.CreateVersion7(), new TicketBooked(Carol))]);

        var again = await SendAsync(processor, new BookTicket(Alice));

        again.Decision.IsRejected.ShouldBeFalse("Alice holds no seat in the stream: " + again.Decision.Rejection?.Detail);
        again.StateAfter.Version.ShouldBe(4);
        (await _fixture.Store.ReadStreamAsync(id.StreamId)).Select(e => e.Data).OfType<TicketBooked>().Select(b => b.UserId).ShouldBe([Bob, Carol, Alice]);
        processor.Close();
        await processor.Completion;
    }

    private static Task<CommandResult> SendAsync(TicketedEventProcessor processor, TicketedEventCommand command)
    {
        var queued = new QueuedCommand(command, Guid.NewGuid());
        processor.TryEnqueue(queued).ShouldBeTrue();
        return queued.Result;
    }

    // Answers the next append as written without writing it, as the multi-statement append did on Galera.
    private sealed class LostAppendStore(IEventStore store) : ForwardingStore(store)
    {
        private bool _loseNext;

        public void LoseNextAppend() => _loseNext = true;

        public override async Task<AppendResult> AppendAsync(
            string streamId, ExpectedVersion expected, IReadOnlyList<NewEvent> events, IReadOnlyList<ProjectionDocument>? documents = null, CancellationToken cancellationToken = default)
        {
            if (!_loseNext)
                return await base.AppendAsync(streamId, expected, events, documents, cancellationToken);
            _loseNext = false;
            return new AppendResult(expected.Value + events.Count, [.. events.Select(_ => 0L)]);
        }
    }
}
