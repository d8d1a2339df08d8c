using System.Net;
using System.Text.Json;
using Booking.Core.TicketedEvents;
using Booking.Web.Api;
using Booking.Web.Tests.Hosting;

namespace Booking.Web.Tests.Scenarios;

// Two service instances over one database: the in-process registry of keys in flight cannot see the other
// instance, so the store's claim on the key (a document that must be new) has to stop the second booking.
public sealed partial class MySqlScenarioTests
{
    [Fact]
    public async Task Book_with_one_key_through_two_hosts_at_once_books_once()
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        await using var first = new BookingHost(database);
        await using var second = new BookingHost(database);
        BookingClient[] clients = [first.CreateBookingClient(), second.CreateBookingClient()];

        for (var round = 0; round < 10; round++)
        {
            var eventId = await clients[0].NewEventAsync(totalTickets: 5);
            await clients[1].BookedAsync(100, eventId);
            var key = Guid.NewGuid().ToString();

            var replies = await ConcurrentlyAsync(Users(1, 20), async i => await Reply.OfAsync(await clients[i % 2].BookWithKeyAsync(7, eventId, key)));

            await ShouldBeAnsweredOnceAsync(replies, clients[round % 2], eventId, key);
            (await first.ReadStreamAsync(eventId)).Count(e => e.Data is TicketBooked { UserId.Value: 7 }).ShouldBe(1);
        }
    }

    [Fact]
    public async Task Initialize_with_one_key_through_two_hosts_at_once_creates_one_ticketed_event()
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        await using var first = new BookingHost(database);
        await using var second = new BookingHost(database);
        BookingClient[] clients = [first.CreateBookingClient(), second.CreateBookingClient()];

        for (var round = 0; round < 10; round++)
        {
            var key = Guid.NewGuid().ToString();
            var before = await first.CountAllEventsAsync();

            var replies = await ConcurrentlyAsync(Users(1, 20), async i => await Reply.OfAsync(await clients[i % 2].InitializeWithKeyAsync("Derby", 3, key)));

            var created = replies.Where(r => r.Status == HttpStatusCode.Created && !r.Replayed).ShouldHaveSingleItem();
            replies.Where(r => r != created).ShouldAllBe(r => r.Status == HttpStatusCode.Conflict || (r.Replayed && r.Body == created.Body));
            (await first.CountAllEventsAsync()).ShouldBe(before + 1);
            var eventId = JsonSerializer.Deserialize<InitializeResponse>(created.Body, JsonSerializerOptions.Web)!.EventId;
            (await first.ReadStreamAsync(eventId)).Select(e => e.Data).ShouldBe([new TicketsInitialized(new TicketedEventId(eventId), "Derby", 3)]);
        }
    }
}
