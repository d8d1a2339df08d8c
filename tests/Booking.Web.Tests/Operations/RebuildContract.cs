using Booking.Core.Auditing;
using Booking.Core.Projections;
using Booking.Core.Serialization;
using Booking.Core.TicketedEvents;
using Booking.Web.Tests.Hosting;
using EventBooking.Migrations;
using EventStore;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Web.Tests.Operations;

/// <summary>The status read model rebuilt from the events must equal the one the service wrote inline.</summary>
public abstract class RebuildContract<THost>(THost shared) : IClassFixture<THost>
    where THost : SharedHost
{
    private IEventStore Store => shared.Host.Store;

    private IProjectionRebuilds Rebuilds => shared.Host.Services.GetRequiredService<IProjectionRebuilds>();

    [Theory]
    [InlineData("DELETE FROM documents")]
    [InlineData("UPDATE documents SET data = '{\"broken\":true}', stream_version = 0")]
    public async Task Rebuild_after_the_status_table_is_lost_or_corrupted_matches_the_inline_projection(string damage)
    {
        var events = await MakeHistoryAsync();
        var inline = await StatusesAsync(events);

        await RawSql.ExecuteAsync(shared.Host.Database, damage);
        await new StatusRebuild(Store, Rebuilds).RunAsync(restart: true, null, CancellationToken.None);

        (await StatusesAsync(events)).ShouldBe(inline);
    }

    [Fact]
    public async Task Rebuild_interrupted_after_a_checkpoint_resumes_there_and_matches_the_inline_projection()
    {
        var events = await MakeHistoryAsync();
        var inline = await StatusesAsync(events);
        var rebuilds = Rebuilds;
        await RawSql.ExecuteAsync(shared.Host.Database, "DELETE FROM documents");
        using var interrupt = new CancellationTokenSource();
        var checkpoints = new List<long>();
        var stopAtFirstCheckpoint = new Checkpoints(p =>
        {
            checkpoints.Add(p.Position);
            interrupt.Cancel();
        });

        await Should.ThrowAsync<OperationCanceledException>(() =>
            new StatusRebuild(Store, rebuilds, pageSize: 3, checkpointEvery: 6).RunAsync(restart: true, stopAtFirstCheckpoint, interrupt.Token));
        checkpoints.Count.ShouldBe(1);
        checkpoints[0].ShouldBePositive();
        (await StatusesAsync(events)).ShouldAllBe(s => s == null, "the old read model stays in service until the swap");

        (await rebuilds.BeginRebuildAsync(BookingEventTypes.StatusProjection, restart: false)).ShouldBe(checkpoints[0]);
        var resumed = await new StatusRebuild(Store, rebuilds, pageSize: 3, checkpointEvery: 6).RunAsync(restart: false, null, CancellationToken.None);

        resumed.Position.ShouldBeGreaterThan(checkpoints[0]);
        (await StatusesAsync(events)).ShouldBe(inline);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task Rebuild_over_a_log_with_a_hole_in_small_read_ahead_pages_matches_the_inline_projection(int pageSize)
    {
        var before = await MakeHistoryAsync();
        // Positions burned by appends that rolled back. Read-ahead requests start a page apart, so several start
        // inside the hole and return the same first rows after it: each must be folded once, none skipped. The
        // first rows after the hole change counts (waiting-list joins), so folding one twice would show.
        var skipTo = await Store.ReadHeadPositionAsync() + 10;
        await RawSql.ExecuteAsync(shared.Host.Database, shared.Host.Database.Provider == StoreProvider.MySql
            ? $"ALTER TABLE events AUTO_INCREMENT = {skipTo}"
            : $"UPDATE sqlite_sequence SET seq = {skipTo - 1} WHERE name = 'events'");
        for (var user = 10; user <= 13; user++)
            await shared.Client.BookAsync(user, before[0]);
        var after = await MakeHistoryAsync();
        long[] events = [.. before, .. after];
        var inline = await StatusesAsync(events);
        await RawSql.ExecuteAsync(shared.Host.Database, "DELETE FROM documents");

        await new StatusRebuild(Store, Rebuilds, pageSize, checkpointEvery: 6).RunAsync(restart: true, null, CancellationToken.None);

        (await StatusesAsync(events)).ShouldBe(inline);
    }

    [Fact]
    public async Task Rebuild_while_bookings_go_on_leaves_every_status_agreeing_with_its_stream()
    {
        var client = shared.Client;
        var eventId = await client.NewEventAsync(totalTickets: 30);
        var booking = Task.Run(async () =>
        {
            for (var user = 1; user <= 60; user++)
                await client.BookAsync(user, eventId);
        });

        await new StatusRebuild(Store, Rebuilds).RunAsync(restart: true, null, CancellationToken.None);
        await booking;

        (await new StoreAudit(Store).AuditAsync(new TicketedEventId(eventId), CancellationToken.None)).ShouldBeEmpty();
    }

    // Stored idempotency answers live beside the status documents but cannot be rebuilt from events: swapping the
    // rebuilt table in must carry every one of them over, including those written while the swap ran.
    [Fact]
    public async Task Rebuild_while_keyed_bookings_go_on_loses_no_stored_answer()
    {
        var client = shared.Client;
        var eventId = await client.NewEventAsync(totalTickets: 30);
        var keys = Enumerable.Range(1, 60).ToDictionary(user => user, _ => Guid.NewGuid().ToString());
        var booking = Task.Run(async () =>
        {
            foreach (var (user, key) in keys)
                (await client.BookWithKeyAsync(user, eventId, key)).Dispose();
        });

        await new StatusRebuild(Store, Rebuilds).RunAsync(restart: true, null, CancellationToken.None);
        await booking;

        foreach (var (user, key) in keys)
            (await Reply.OfAsync(await client.BookWithKeyAsync(user, eventId, key))).Replayed.ShouldBeTrue($"the answer to user {user} was lost");
        (await shared.Host.ReplayAsync(eventId)).Version.ShouldBe(61);
    }

    [Theory]
    [InlineData("DELETE FROM documents WHERE projection = 'ticketed-event-seats'")]
    [InlineData("UPDATE documents SET data = 'null' WHERE projection = 'ticketed-event-seats'")]
    public async Task Seats_rebuild_after_the_seats_are_lost_or_tombstoned_matches_the_inline_projection(string damage)
    {
        var events = await MakeHistoryAsync();
        var inline = await SeatsAsync(events);
        inline.ShouldAllBe(seats => seats.Count > 0);

        await RawSql.ExecuteAsync(shared.Host.Database, damage);
        await new SeatsRebuild(Store, Rebuilds).RunAsync(restart: false, null, CancellationToken.None);

        (await SeatsAsync(events)).ShouldBe(inline);
        (await StatusesAsync(events)).ShouldAllBe(s => s != null, "the status documents are carried over");
    }

    [Fact]
    public async Task Seats_rebuild_while_bookings_and_cancels_go_on_leaves_the_seats_agreeing_with_the_stream()
    {
        var client = shared.Client;
        var eventId = await client.NewEventAsync(totalTickets: 20);
        var booking = Task.Run(async () =>
        {
            for (var user = 1; user <= 40; user++)
            {
                (await client.BookAsync(user, eventId)).Dispose();
                if (user % 3 == 0)
                    (await client.CancelAsync(user - 1, eventId)).Dispose();
            }
        });

        await new SeatsRebuild(Store, Rebuilds).RunAsync(restart: true, null, CancellationToken.None);
        await booking;

        var state = await shared.Host.ReplayAsync(eventId);
        var seats = (await SeatsAsync([eventId]))[0];
        seats.Where(s => s.Status == SeatsProjection.Booked).Select(s => (s.UserId, s.Version))
            .ShouldBe(state.Seats.OrderBy(s => s.Value).Select(s => (s.Key, s.Value)));
        seats.Where(s => s.Status == SeatsProjection.Waiting).Select(s => s.UserId).ShouldBe(state.WaitingInOrder);
    }

    private async Task<long[]> MakeHistoryAsync()
    {
        var client = shared.Client;
        var ids = new[] { await client.NewEventAsync(2), await client.NewEventAsync(3), await client.NewEventAsync(1) };
        foreach (var id in ids)
        {
            for (var user = 1; user <= 4; user++)
                await client.BookAsync(user, id);
            await client.CancelAsync(1, id);
        }

        return ids;
    }

    // Reports synchronously (Progress<T> would post to the thread pool and let the rebuild run on).
    private sealed class Checkpoints(Action<ScanProgress> report) : IProgress<ScanProgress>
    {
        public void Report(ScanProgress value) => report(value);
    }

    private async Task<List<SeatEntry>[]> SeatsAsync(long[] ids) =>
        await Task.WhenAll(ids.Select(async id =>
        {
            var eventId = new TicketedEventId(id);
            var seats = new List<SeatEntry>();
            foreach (var list in new[] { SeatsProjection.Booked, SeatsProjection.Waiting })
            {
                var range = new DocumentRange(SeatsProjection.Prefix(eventId, list), null, 10_000);
                seats.AddRange((await Store.ListDocumentsAsync<SeatEntry>(SeatsProjection.Projection, range)).Select(d => d.Document));
            }

            return seats;
        }));

    private async Task<TicketedEventStatus?[]> StatusesAsync(long[] ids) =>
        await Task.WhenAll(ids.Select(async id =>
            (await Store.LoadDocumentAsync<TicketedEventStatus>(BookingEventTypes.StatusProjection, new TicketedEventId(id).DocumentKey))?.Document));
}

public sealed class MySqlRebuildTests(MySqlSharedHost shared) : RebuildContract<MySqlSharedHost>(shared);

public sealed class SqliteRebuildTests(SqliteSharedHost shared) : RebuildContract<SqliteSharedHost>(shared);
