using Booking.Core.Auditing;
using Booking.Core.Processing;
using Booking.Core.TicketedEvents;
using Booking.Web.Hosting;
using Booking.Web.Tests.Hosting;
using EventBooking.Migrations;
using EventStore;
using EventStore.Sql;
using Microsoft.Extensions.Logging.Abstractions;

namespace Booking.Web.Tests.DatabaseFaults;

/// <summary>
/// The processor over a real, migrated store whose appends fail on demand: before reaching the database (nothing
/// written) or after committing (the acknowledgement is lost, so the processor cannot know). No command may be
/// applied twice: the retry reuses the event ids (the store's idempotent append), and a caller told "unavailable"
/// who sends the command again gets it applied at most once. Run once per store provider.
/// </summary>
public abstract class LostAcknowledgementContract : IAsyncLifetime
{
    private static readonly UserId Ann = new(1), Bob = new(2), Cat = new(3);
    private readonly List<StoreFault> _appendFaults = [];
    private TestDatabase _database = null!;
    private SqlEventStore _store = null!;
    private long _lastId;

    protected abstract StoreProvider Provider { get; }

    private BookingProcessors Processors { get; set; } = null!;

    private int AppendCalls { get; set; }

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(Provider);
        SchemaMigrator.MigrateUp(Provider, _database.ConnectionString);
        _store = StoreSetup.CreateStore(new StoreSettings(Provider, _database.ConnectionString, MigrateOnStartup: false), TimeProvider.System);
        var failing = FailingStore.Around(_store, NextFault, () => new TimeoutException("The connection died before the database answered."));
        Processors = new BookingProcessors(failing, new ProcessorOptions { MaxAppendAttempts = 3 }, NullLogger<BookingProcessors>.Instance);
    }

    public async Task DisposeAsync()
    {
        await Processors.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Book_whose_commit_is_not_acknowledged_is_retried_idempotently_and_booked_once()
    {
        var id = await NewEventAsync(totalTickets: 2);
        FailAppends(StoreFault.AfterCommit);

        var result = await Processors.SendAsync(id, new BookTicket(Ann), Guid.CreateVersion7());

        result.Decision.Events.ShouldBe([new TicketBooked(Ann)]);
        result.StateAfter.Version.ShouldBe(2);
        AppendCalls.ShouldBe(3, "initialize, the committed append whose answer was lost, and its retry");
        await ShouldHoldExactlyAsync(id, new TicketBooked(Ann));
    }

    [Fact]
    public async Task Book_whose_commit_is_not_acknowledged_and_whose_retries_fail_is_unavailable_and_a_resend_does_not_book_twice()
    {
        var id = await NewEventAsync(totalTickets: 2);
        FailAppends(StoreFault.AfterCommit, StoreFault.Before, StoreFault.Before);

        await Should.ThrowAsync<BookingUnavailableException>(() => Processors.SendAsync(id, new BookTicket(Ann), Guid.CreateVersion7()));
        var resent = await Processors.SendAsync(id, new BookTicket(Ann), Guid.CreateVersion7());
        var next = await Processors.SendAsync(id, new BookTicket(Bob), Guid.CreateVersion7());

        resent.Decision.Rejection.ShouldNotBeNull().Reason.ShouldBe(RejectionReason.AlreadyBooked);
        next.Decision.Events.ShouldBe([new TicketBooked(Bob)]);
        await ShouldHoldExactlyAsync(id, new TicketBooked(Ann), new TicketBooked(Bob));
    }

    [Fact]
    public async Task Book_whose_appends_all_fail_before_reaching_the_store_is_unavailable_and_a_resend_books_once()
    {
        var id = await NewEventAsync(totalTickets: 2);
        FailAppends(StoreFault.Before, StoreFault.Before, StoreFault.Before);

        await Should.ThrowAsync<BookingUnavailableException>(() => Processors.SendAsync(id, new BookTicket(Ann), Guid.CreateVersion7()));
        var resent = await Processors.SendAsync(id, new BookTicket(Ann), Guid.CreateVersion7());

        resent.Decision.Events.ShouldBe([new TicketBooked(Ann)]);
        await ShouldHoldExactlyAsync(id, new TicketBooked(Ann));
    }

    [Fact]
    public async Task Cancel_with_promotion_whose_commit_is_not_acknowledged_and_whose_retries_fail_does_not_promote_twice_on_resend()
    {
        var id = await NewEventAsync(totalTickets: 1);
        await Processors.SendAsync(id, new BookTicket(Ann), Guid.CreateVersion7());
        await Processors.SendAsync(id, new BookTicket(Bob), Guid.CreateVersion7());
        await Processors.SendAsync(id, new BookTicket(Cat), Guid.CreateVersion7());
        FailAppends(StoreFault.AfterCommit, StoreFault.Before, StoreFault.Before);

        await Should.ThrowAsync<BookingUnavailableException>(() => Processors.SendAsync(id, new CancelBooking(Ann), Guid.CreateVersion7()));
        var resent = await Processors.SendAsync(id, new CancelBooking(Ann), Guid.CreateVersion7());

        resent.Decision.Rejection.ShouldNotBeNull().Reason.ShouldBe(RejectionReason.NothingToCancel);
        await ShouldHoldExactlyAsync(id,
            new TicketBooked(Ann), new WaitlistJoined(Bob), new WaitlistJoined(Cat), new BookingCancelled(Ann), new WaitlistPromoted(Bob));
    }

    [Fact]
    public async Task Batch_of_bookings_whose_commit_is_not_acknowledged_is_acknowledged_once_each()
    {
        var id = await NewEventAsync(totalTickets: 5);
        FailAppends(StoreFault.AfterCommit);

        var results = await Task.WhenAll(Enumerable.Range(1, 20).Select(user => Processors.SendAsync(id, new BookTicket(new UserId(user)), Guid.CreateVersion7())));

        results.Count(r => r.Decision.Events is [TicketBooked]).ShouldBe(5);
        results.Count(r => r.Decision.Events is [WaitlistJoined]).ShouldBe(15);
        var stream = await _store.ReadStreamAsync(id.StreamId);
        stream.Count.ShouldBe(21);
        stream.Select(e => e.EventId).Distinct().Count().ShouldBe(21);
        (await new StoreAudit(_store).AuditAsync(id, CancellationToken.None)).ShouldBeEmpty();
    }

    private async Task<TicketedEventId> NewEventAsync(int totalTickets)
    {
        // The database is this test's own: ids counted from 1, as its sequence would hand them out.
        var id = new TicketedEventId(++_lastId);
        var result = await Processors.SendAsync(id, new InitializeTickets(id, "Concert", totalTickets), Guid.CreateVersion7());
        result.Decision.IsRejected.ShouldBeFalse();
        return id;
    }

    private void FailAppends(params StoreFault[] faults)
    {
        lock (_appendFaults)
            _appendFaults.AddRange(faults);
    }

    private StoreFault NextFault(System.Reflection.MethodInfo method)
    {
        if (method.Name != nameof(IEventStore.AppendAsync))
            return StoreFault.None;
        lock (_appendFaults)
        {
            AppendCalls++;
            if (_appendFaults.Count == 0)
                return StoreFault.None;
            var fault = _appendFaults[0];
            _appendFaults.RemoveAt(0);
            return fault;
        }
    }

    // The stream holds exactly these events after its initialization, the audit (status document included) is clean.
    private async Task ShouldHoldExactlyAsync(TicketedEventId id, params object[] events)
    {
        var stream = await _store.ReadStreamAsync(id.StreamId);
        stream.Skip(1).Select(e => e.Data).ShouldBe(events);
        (await new StoreAudit(_store).AuditAsync(id, CancellationToken.None)).ShouldBeEmpty();
    }
}

public sealed class MySqlLostAcknowledgementTests : LostAcknowledgementContract
{
    protected override StoreProvider Provider => StoreProvider.MySql;
}

public sealed class SqliteLostAcknowledgementTests : LostAcknowledgementContract
{
    protected override StoreProvider Provider => StoreProvider.Sqlite;
}
