using System.Net;
using System.Net.Http.Json;
using Booking.Core.TicketedEvents;
using Booking.Web.Api;
using Booking.Web.Tests.Hosting;
using EventBooking.Migrations;

namespace Booking.Web.Tests.Scenarios;

public sealed partial class MySqlScenarioTests : ScenarioContract
{
    protected override StoreProvider Provider => StoreProvider.MySql;

    // Only a server database can be shared by two processes; the store's expected-version check must keep them honest.
    [Fact]
    public async Task Book_through_two_hosts_over_one_database_never_oversells()
    {
        const int Tickets = 50, Customers = 160;
        await using var database = await TestDatabase.CreateAsync(Provider);
        await using var first = new BookingHost(database);
        await using var second = new BookingHost(database);
        BookingClient[] clients = [first.CreateBookingClient(), second.CreateBookingClient()];
        var eventId = await clients[0].NewEventAsync(Tickets);

        // Waves, so that each host's processor keeps finding the other's appends (the sell-out falls in wave 2).
        var responses = new List<BookingResponse>();
        foreach (var wave in Users(1, Customers).Chunk(40))
        {
            responses.AddRange(await ConcurrentlyAsync(wave, async user =>
            {
                using var response = await clients[user % 2].BookAsync(user, eventId);
                response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
                return (await response.Content.ReadFromJsonAsync<BookingResponse>())!;
            }));
        }

        var replayed = await first.ReplayAsync(eventId);
        var bookedEvents = (await first.ReadStreamAsync(eventId)).Count(e => e.Data is TicketBooked);
        var booked = responses.Where(r => r.Status == "booked").Select(r => r.UserId).ToList();
        var waitlisted = responses.Where(r => r.Status == "waitlisted").OrderBy(r => r.Position).ToList();
        bookedEvents.ShouldBe(Tickets);
        replayed.BookedCount.ShouldBe(Tickets);
        booked.Count.ShouldBe(Tickets);
        booked.ShouldAllBe(user => replayed.Booked.Contains(new UserId(user)));
        waitlisted.Select(r => r.Position!.Value).ShouldBe(Enumerable.Range(1, Customers - Tickets));
        replayed.WaitingInOrder.Select(u => u.Value).ShouldBe(waitlisted.Select(r => r.UserId));
        CheckInvariants(replayed);
        var expected = new StatusResponse(eventId, "Concert", Tickets, 0, Customers - Tickets);
        (await clients[0].StatusOfAsync(eventId)).Status.ShouldBe(expected);
        (await clients[1].StatusOfAsync(eventId)).Status.ShouldBe(expected);
    }
}
