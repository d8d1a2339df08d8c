using Booking.Core.Auditing;
using Booking.Core.Serialization;
using Booking.Core.TicketedEvents;
using Booking.Web.Tests.Hosting;
using EventStore;

namespace Booking.Web.Tests.Operations;

/// <summary>
/// The audit over real stores: each test writes a deliberately corrupted stream straight through the store (never
/// through the decider) and expects exactly that violation; a clean history made through the API passes.
/// </summary>
public abstract class AuditContract<THost>(THost shared) : IClassFixture<THost>
    where THost : SharedHost
{
    private static readonly UserId Ann = new(1), Bob = new(2);

    // Streams written straight through the store take ids far above any the shared host's sequence hands out.
    private static long _lastId = 8_000_000_000_000;

    private IEventStore Store => shared.Host.Store;

    [Fact]
    public async Task Audit_of_a_history_made_through_the_api_is_clean()
    {
        var client = shared.Client;
        var eventId = await client.NewEventAsync(totalTickets: 2);
        foreach (var user in new long[] { 1, 2, 3, 4 })
            await client.BookedAsync(user, eventId);
        await client.CancelAsync(1, eventId);
        await client.CancelAsync(4, eventId);

        (await new StoreAudit(Store).AuditAsync(new TicketedEventId(eventId), CancellationToken.None)).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(CorruptedStreams.All), MemberType = typeof(CorruptedStreams))]
    public async Task Audit_of_a_corrupted_stream_reports_exactly_that_rule(string name, TicketedEventEvent[] events, AuditRule rule, long version)
    {
        var id = NewId();
        await WriteWithConsistentStatusAsync(id, events);

        var violation = (await new StoreAudit(Store).AuditAsync(id, CancellationToken.None)).ShouldHaveSingleItem(name);

        (violation.Rule, violation.Version, violation.StreamId).ShouldBe((rule, version, id.StreamId));
    }

    [Fact]
    public async Task Audit_of_a_stale_status_document_reports_StatusAgrees()
    {
        var id = NewId();
        await WriteWithConsistentStatusAsync(id, [Init(id, 2)]);
        await Store.AppendAsync(id.StreamId, ExpectedVersion.Exactly(1), [NewEvent.For(new TicketBooked(Ann))]);

        var violation = (await new StoreAudit(Store).AuditAsync(id, CancellationToken.None)).ShouldHaveSingleItem();

        (violation.Rule, violation.Version).ShouldBe((AuditRule.StatusAgrees, 2L));
    }

    [Fact]
    public async Task Audit_of_a_stream_row_behind_its_events_reports_StreamRowAgrees()
    {
        var id = NewId();
        await WriteWithConsistentStatusAsync(id, [Init(id, 2), new TicketBooked(Ann)]);
        await RawSql.ExecuteAsync(shared.Host.Database, "UPDATE streams SET version = 1 WHERE stream_id = @stream", ("@stream", id.StreamId));

        var violation = (await new StoreAudit(Store).AuditAsync(id, CancellationToken.None)).ShouldHaveSingleItem();

        (violation.Rule, violation.Version).ShouldBe((AuditRule.StreamRowAgrees, 2L));
    }

    [Fact]
    public async Task AuditAll_finds_the_corrupted_stream_among_clean_ones()
    {
        var clean = NewId();
        var corrupt = NewId();
        await WriteWithConsistentStatusAsync(clean, [Init(clean, 1), new TicketBooked(Ann)]);
        await WriteWithConsistentStatusAsync(corrupt, [Init(corrupt, 1), new TicketBooked(Ann), new TicketBooked(Bob)]);

        var (streams, violations, _) = await new StoreAudit(Store).AuditAllAsync(null, CancellationToken.None);

        streams.ShouldBeGreaterThanOrEqualTo(2);
        violations.Where(v => v.StreamId == corrupt.StreamId).ShouldHaveSingleItem().Rule.ShouldBe(AuditRule.NoOversell);
        violations.ShouldNotContain(v => v.StreamId == clean.StreamId);
    }

    private static TicketsInitialized Init(TicketedEventId id, int tickets) => new(id, "Corrupted", tickets);

    private static TicketedEventId NewId() => new(Interlocked.Increment(ref _lastId));

    // Writes the events exactly as given, with a status document and stream row that agree with them, so only the
    // stream itself can be at fault.
    private async Task WriteWithConsistentStatusAsync(TicketedEventId id, TicketedEventEvent[] events)
    {
        var stored = events.Select(e => e is TicketsInitialized i ? i with { TicketedEventId = id } : e).ToList();
        var state = TicketedEventState.Fold(stored);
        var status = state.Exists ? TicketedEventStatus.From(state) : null;
        var fixedEvents = stored.Select(e => NewEvent.For(e)).ToList();
        IReadOnlyList<ProjectionDocument> documents = status is null ? [] : [new ProjectionDocument(BookingEventTypes.StatusProjection, id.DocumentKey, status)];
        await Store.AppendAsync(id.StreamId, ExpectedVersion.NoStream, fixedEvents, documents);
    }
}

public sealed class MySqlAuditTests(MySqlSharedHost shared) : AuditContract<MySqlSharedHost>(shared);

public sealed class SqliteAuditTests(SqliteSharedHost shared) : AuditContract<SqliteSharedHost>(shared);

/// <summary>One stream per audit rule, each broken in exactly one place (the rule, and the version where it breaks).</summary>
public static class CorruptedStreams
{
    private static readonly UserId Ann = new(1), Bob = new(2), Cid = new(3);

    public static TheoryData<string, TicketedEventEvent[], AuditRule, long> All()
    {
        var id = new TicketedEventId(7);
        return new()
        {
            { "booked before initialized", [new TicketBooked(Ann), new TicketsInitialized(id, "Corrupted", 1)], AuditRule.InitializedFirst, 1 },
            { "initialized twice", [new TicketsInitialized(id, "Corrupted", 1), new TicketsInitialized(id, "Corrupted", 1)], AuditRule.InitializedFirst, 2 },
            { "oversold", [new TicketsInitialized(id, "Corrupted", 1), new TicketBooked(Ann), new TicketBooked(Bob)], AuditRule.NoOversell, 3 },
            { "booked twice", [new TicketsInitialized(id, "Corrupted", 2), new TicketBooked(Ann), new TicketBooked(Ann)], AuditRule.OneEntryPerUser, 3 },
            { "waiting while booked", [new TicketsInitialized(id, "Corrupted", 1), new TicketBooked(Ann), new WaitlistJoined(Ann)], AuditRule.OneEntryPerUser, 3 },
            { "cancel without promotion", [new TicketsInitialized(id, "Corrupted", 1), new TicketBooked(Ann), new WaitlistJoined(Bob), new BookingCancelled(Ann)], AuditRule.NoFreeSeatWhileWaiting, 4 },
            { "promoted out of order", [new TicketsInitialized(id, "Corrupted", 1), new TicketBooked(Ann), new WaitlistJoined(Bob), new WaitlistJoined(Cid), new BookingCancelled(Ann), new WaitlistPromoted(Cid)], AuditRule.FifoPromotion, 6 },
            { "promoted twice", [new TicketsInitialized(id, "Corrupted", 1), new TicketBooked(Ann), new WaitlistJoined(Bob), new BookingCancelled(Ann), new WaitlistPromoted(Bob), new WaitlistPromoted(Bob)], AuditRule.FifoPromotion, 6 },
            { "cancel without booking", [new TicketsInitialized(id, "Corrupted", 1), new BookingCancelled(Ann)], AuditRule.CancelMatchesEntry, 2 },
            { "left without waiting", [new TicketsInitialized(id, "Corrupted", 1), new WaitlistLeft(Ann)], AuditRule.CancelMatchesEntry, 2 },
        };
    }
}
