using Booking.Core.TicketedEvents;
using Booking.Web.Api;
using Booking.Web.Tests.Hosting;

namespace Booking.Web.Tests.Scenarios;

public abstract partial class ScenarioContract
{
    [Fact]
    public async Task Cancel_by_50_concurrent_ticket_holders_gives_each_seat_to_the_next_waiter_in_order()
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        await using var host = new BookingHost(database);
        var client = host.CreateBookingClient();
        var eventId = await client.NewEventAsync(totalTickets: 50);
        (await ConcurrentlyAsync(Users(1, 50), user => client.BookedAsync(user, eventId))).ShouldAllBe(r => r.Status == "booked");
        var queue = (await ConcurrentlyAsync(Users(101, 100), user => client.BookedAsync(user, eventId)))
            .OrderBy(r => r.Position).Select(r => r.UserId).ToList();
        var versionBeforeCancels = (int)(await host.FactsAsync(eventId)).StreamVersion!.Value;

        var cancels = await ConcurrentlyAsync(Users(1, 50), user => client.CancelledAsync(user, eventId));

        cancels.ShouldAllBe(c => c.Status == "cancelled" && c.PromotedUserId != null && c.AvailableTickets == 0);
        cancels.Select(c => c.PromotedUserId!.Value).Order().ShouldBe(queue.Take(50).Order());
        cancels.Select(c => c.WaitingListCount).Order().ShouldBe(Enumerable.Range(50, 50));
        (await client.StatusOfAsync(eventId)).Status.ShouldBe(new StatusResponse(eventId, "Concert", 50, 0, 50));

        var events = (await host.ReadStreamAsync(eventId)).Select(e => e.TicketedEvent()).ToList();
        var state = TicketedEventState.Fold(events.Take(versionBeforeCancels));
        CheckInvariants(state);
        var promotions = new List<long>();
        var afterSetup = events.Skip(versionBeforeCancels).ToList();
        afterSetup.Count.ShouldBe(100, "one cancellation and one promotion per cancel");
        for (var i = 0; i < afterSetup.Count; i += 2)
        {
            var cancelled = afterSetup[i].ShouldBeOfType<BookingCancelled>();
            var promoted = afterSetup[i + 1].ShouldBeOfType<WaitlistPromoted>();
            promoted.UserId.ShouldBe(state.FirstWaiting!.Value, "the seat goes to whoever waited longest");
            state = TicketedEventState.Evolve(TicketedEventState.Evolve(state, cancelled), promoted);
            CheckInvariants(state);
            cancels.Single(c => c.UserId == cancelled.UserId.Value).PromotedUserId.ShouldBe(promoted.UserId.Value);
            promotions.Add(promoted.UserId.Value);
        }

        promotions.ShouldBe(queue.Take(50));
        state.Booked.Select(u => u.Value).Order().ShouldBe(queue.Take(50).Order());
        state.WaitingInOrder.Select(u => u.Value).ShouldBe(queue.Skip(50));
    }
}
