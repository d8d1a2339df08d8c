using Booking.Core.Auditing;
using Booking.Core.Projections;
using Booking.Core.Serialization;
using Booking.Core.TicketedEvents;
using Booking.Web.Tests.Hosting;
using EventStore;

namespace Booking.Web.Tests.Operations;

/// <summary>The status read model rebuilt from the events must equal the one the service wrote inline.</summary>
public abstract class RebuildContract<THost>(THost shared) : IClassFixture<THost>
    where THost : SharedHost
{
    private IEventStore Store => shared.Host.Store;

    [Theory]
    [InlineData("DELETE FROM documents")]
    [InlineData("UPDATE documents SET data = '{\"broken\":true}', stream_version = 0")]
    public async Task Rebuild_after_the_status_table_is_lost_or_corrupted_matches_the_inline_projection(string damage)
    {
        var events = await MakeHistoryAsync();
        var inline = await StatusesAsync(events);

        await RawSql.ExecuteAsync(shared.Host.Database, damage);
        await new StatusRebuild(Store, (IProjectionRebuilds)Store).RunAsync(restart: true, null, CancellationToken.None);

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

        await new StatusRebuild(Store, (IProjectionRebuilds)Store).RunAsync(restart: true, null, CancellationToken.None);
        await booking;

        (await new StoreAudit(Store).AuditAsync(new TicketedEventId(eventId), CancellationToken.None)).ShouldBeEmpty();
    }

    private async Task<Guid[]> MakeHistoryAsync()
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

    private async Task<TicketedEventStatus?[]> StatusesAsync(Guid[] ids) =>
        await Task.WhenAll(ids.Select(async id =>
            (await Store.LoadDocumentAsync<TicketedEventStatus>(BookingEventTypes.StatusProjection, id.ToString()))?.Document));
}

public sealed class MySqlRebuildTests(MySqlSharedHost shared) : RebuildContract<MySqlSharedHost>(shared);

public sealed class SqliteRebuildTests(SqliteSharedHost shared) : RebuildContract<SqliteSharedHost>(shared);
