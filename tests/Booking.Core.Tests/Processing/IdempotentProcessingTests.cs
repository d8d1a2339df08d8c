using Booking.Core.Idempotency;
using Booking.Core.Processing;
using Booking.Core.TicketedEvents;
using EventStore;
using EventStore.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Booking.Core.Tests.Processing;

/// <summary>Commands sent with an idempotency key, through the processors over a real store.</summary>
public sealed class IdempotentProcessingTests : IAsyncLifetime
{
    private static readonly UserId Alice = new(1);
    private static readonly UserId Bob = new(2);
    private readonly SqliteStoreFixture _fixture = new();
    private long _lastId;

    private SqliteEventStore Store => _fixture.Store;

    public Task InitializeAsync() => _fixture.InitializeAsync();

    public Task DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task SendAsync_with_a_key_twice_decides_once_and_replays_the_stored_answer()
    {
        await using var processors = Processors(Store);
        var id = await NewTicketedEventAsync(processors, tickets: 2);

        var first = await processors.SendAsync(id, new BookTicket(Alice), Guid.NewGuid(), Keyed("k1", "book alice"));
        var second = await processors.SendAsync(id, new BookTicket(Alice), Guid.NewGuid(), Keyed("k1", "book alice"));

        first.Outcome.ShouldBe(IdempotencyOutcome.Stored);
        first.Record!.Reply.ShouldBe(new IdempotentReply(201, null, "TicketBooked"));
        second.ShouldBe(new IdempotentResult(IdempotencyOutcome.Replayed, first.Record));
        (await EventsAsync(id)).ShouldBe([typeof(TicketsInitialized), typeof(TicketBooked)]);
        (await StoredRecordAsync("k1"))!.ShouldBe(first.Record);
    }

    [Fact]
    public async Task SendAsync_with_a_key_used_for_another_request_refuses_and_decides_nothing()
    {
        await using var processors = Processors(Store);
        var id = await NewTicketedEventAsync(processors, tickets: 2);
        var first = await processors.SendAsync(id, new BookTicket(Alice), Guid.NewGuid(), Keyed("k1", "book alice"));

        var reused = await processors.SendAsync(id, new BookTicket(Bob), Guid.NewGuid(), Keyed("k1", "book bob"));

        reused.ShouldBe(new IdempotentResult(IdempotencyOutcome.KeyReused, first.Record));
        (await EventsAsync(id)).ShouldBe([typeof(TicketsInitialized), typeof(TicketBooked)]);
    }

    [Fact]
    public async Task SendAsync_with_a_key_and_a_refused_command_stores_the_refusal_without_events()
    {
        await using var processors = Processors(Store);
        var id = await NewTicketedEventAsync(processors, tickets: 2);

        var refused = await processors.SendAsync(id, new CancelBooking(Alice), Guid.NewGuid(), Keyed("k1", "cancel alice"));
        await processors.SendAsync(id, new BookTicket(Alice), Guid.NewGuid());
        var retried = await processors.SendAsync(id, new CancelBooking(Alice), Guid.NewGuid(), Keyed("k1", "cancel alice"));

        refused.Record!.Reply.ShouldBe(new IdempotentReply(409, null, "NothingToCancel"));
        retried.ShouldBe(new IdempotentResult(IdempotencyOutcome.Replayed, refused.Record));
        (await Store.LoadDocumentAsync<IdempotencyRecord>(IdempotencyRecord.Projection, IdempotencyRecord.DocumentId("k1")))!.StreamVersion.ShouldBe(1);
        (await EventsAsync(id)).ShouldBe([typeof(TicketsInitialized), typeof(TicketBooked)], "the cancel was not carried out on retry");
    }

    [Fact]
    public async Task SendAsync_with_a_key_whose_first_request_is_still_running_is_refused_at_once()
    {
        var gated = new GatedStore(Store);
        await using var processors = Processors(gated);
        var id = await NewTicketedEventAsync(processors, tickets: 2);
        gated.HoldWrites();
        var first = processors.SendAsync(id, new BookTicket(Alice), Guid.NewGuid(), Keyed("k1", "book alice"));
        await gated.WriteReached;

        var duplicate = await processors.SendAsync(id, new BookTicket(Alice), Guid.NewGuid(), Keyed("k1", "book alice"));
        gated.ReleaseWrites();

        duplicate.ShouldBe(new IdempotentResult(IdempotencyOutcome.KeyInFlight, null));
        (await first).Outcome.ShouldBe(IdempotencyOutcome.Stored);
        (await processors.SendAsync(id, new BookTicket(Alice), Guid.NewGuid(), Keyed("k1", "book alice"))).Outcome.ShouldBe(IdempotencyOutcome.Replayed);
        (await EventsAsync(id)).ShouldBe([typeof(TicketsInitialized), typeof(TicketBooked)]);
    }

    [Fact]
    public async Task Processor_with_one_key_three_times_in_one_batch_decides_the_first_only()
    {
        var gated = new GatedStore(Store);
        await using var processors = Processors(gated);
        var id = await NewTicketedEventAsync(processors, tickets: 2);
        gated.HoldReads();
        var processor = new TicketedEventProcessor(id, gated, new ProcessorOptions(), NullLogger.Instance, _ => false, CancellationToken.None);
        QueuedCommand[] batch =
        [
            new(new BookTicket(Alice), Guid.NewGuid(), Keyed("k1", "book alice")),
            new(new BookTicket(Alice), Guid.NewGuid(), Keyed("k1", "book alice")),
            new(new BookTicket(Bob), Guid.NewGuid(), Keyed("k1", "book bob")),
            new(new BookTicket(Bob), Guid.NewGuid()),
        ];
        foreach (var command in batch)
            processor.TryEnqueue(command).ShouldBeTrue();

        gated.ReleaseReads();
        var results = await Task.WhenAll(batch.Select(c => c.Result));
        processor.Close();
        await processor.Completion;

        var stored = results[0].Idempotency.ShouldNotBeNull();
        stored.Outcome.ShouldBe(IdempotencyOutcome.Stored);
        results[1].Idempotency.ShouldBe(new IdempotentResult(IdempotencyOutcome.Replayed, stored.Record));
        results[2].Idempotency.ShouldBe(new IdempotentResult(IdempotencyOutcome.KeyReused, stored.Record));
        results[3].Decision.Events.ShouldBe([new TicketBooked(Bob)]);
        (await EventsAsync(id)).ShouldBe([typeof(TicketsInitialized), typeof(TicketBooked), typeof(TicketBooked)]);
        (await Store.GetStreamAsync(id.StreamId))!.Version.ShouldBe(3, "one append for the batch");
    }

    // Another process stored the key between the sender's check and this processor's write: the claim on the key
    // refuses the write (here a refusal stored without events), and the processor answers from the stored record.
    [Fact]
    public async Task Processor_given_a_key_another_writer_stored_on_this_stream_replays_that_record()
    {
        await using var processors = Processors(Store);
        var id = await NewTicketedEventAsync(processors, tickets: 2);
        var original = await processors.SendAsync(id, new BookTicket(Alice), Guid.NewGuid(), Keyed("k1", "book alice"));
        var command = new QueuedCommand(new BookTicket(Alice), Guid.NewGuid(), Keyed("k1", "book alice"));

        var result = await RunAloneAsync(id, command);

        result.Idempotency.ShouldBe(new IdempotentResult(IdempotencyOutcome.Replayed, original.Record));
        result.Decision.Events.ShouldBeEmpty();
        (await EventsAsync(id)).ShouldBe([typeof(TicketsInitialized), typeof(TicketBooked)]);
    }

    [Fact]
    public async Task Processor_given_a_key_another_writer_stored_with_another_stream_creates_no_stream()
    {
        await using var processors = Processors(Store);
        var firstId = NextId();
        var original = await processors.SendAsync(firstId, new InitializeTickets(firstId, "Gala", 2), Guid.NewGuid(), Keyed("k1", "initialize gala"));
        var secondId = NextId();
        var command = new QueuedCommand(new InitializeTickets(secondId, "Gala", 2), Guid.NewGuid(), Keyed("k1", "initialize gala"));

        var result = await RunAloneAsync(secondId, command);

        result.Idempotency.ShouldBe(new IdempotentResult(IdempotencyOutcome.Replayed, original.Record));
        original.Record!.TicketedEventId.ShouldBe(firstId.Value);
        (await Store.GetStreamAsync(secondId.StreamId)).ShouldBeNull();
        (await Store.ReadHeadPositionAsync()).ShouldBe(1);
    }

    // A processor that skips the sender's check, as one in another process racing this one would.
    private async Task<CommandResult> RunAloneAsync(TicketedEventId id, QueuedCommand command)
    {
        var processor = new TicketedEventProcessor(id, Store, new ProcessorOptions(), NullLogger.Instance, _ => false, CancellationToken.None);
        processor.TryEnqueue(command).ShouldBeTrue();
        var result = await command.Result;
        processor.Close();
        await processor.Completion;
        return result;
    }

    private static BookingProcessors Processors(IEventStore store) =>
        new(store, new ProcessorOptions(), NullLogger<BookingProcessors>.Instance);

    private static IdempotentRequest Keyed(string key, string fingerprint) => new(key, fingerprint, new StandInReply());

    // A stand-in for the HTTP answer: enough to tell answers apart.
    private sealed class StandInReply : IReplyFormat
    {
        public IdempotentReply Format(CommandResult result) => result.Decision.IsRejected
            ? new IdempotentReply(409, null, result.Decision.Rejection.Reason.ToString())
            : new IdempotentReply(201, null, string.Join(",", result.Decision.Events.Select(e => e.GetType().Name)));
    }

    // The store is new per test, so ids counted from 1 (as the store's sequence hands them out) never collide.
    private TicketedEventId NextId() => new(++_lastId);

    private async Task<TicketedEventId> NewTicketedEventAsync(BookingProcessors processors, int tickets)
    {
        var id = NextId();
        var result = await processors.SendAsync(id, new InitializeTickets(id, "Gala", tickets), Guid.NewGuid());
        result.Decision.IsRejected.ShouldBeFalse();
        return id;
    }

    private async Task<Type[]> EventsAsync(TicketedEventId id) => [.. (await Store.ReadStreamAsync(id.StreamId)).Select(e => e.Data.GetType())];

    private async Task<IdempotencyRecord?> StoredRecordAsync(string key) =>
        (await Store.LoadDocumentAsync<IdempotencyRecord>(IdempotencyRecord.Projection, IdempotencyRecord.DocumentId(key)))?.Document;
}
