using Booking.Web.Api;
using Booking.Web.Tests.Hosting;

namespace Booking.Web.Tests.Scenarios;

public abstract partial class ScenarioContract
{
    [Fact]
    public async Task Book_by_200_concurrent_users_for_50_tickets_books_50_and_waitlists_150_first_come_first_served()
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        await using var host = new BookingHost(database);
        var client = host.CreateBookingClient();
        var eventId = await client.NewEventAsync(totalTickets: 50);

        var responses = await ConcurrentlyAsync(Users(1, 200), user => client.BookedAsync(user, eventId));

        var booked = responses.Where(r => r.Status == "booked").ToList();
        var waitlisted = responses.Where(r => r.Status == "waitlisted").OrderBy(r => r.Position).ToList();
        booked.Count.ShouldBe(50);
        booked.ShouldAllBe(r => r.Position == null);
        waitlisted.Count.ShouldBe(150);
        waitlisted.Select(r => r.Position!.Value).ShouldBe(Enumerable.Range(1, 150));
        (await client.StatusOfAsync(eventId)).Status.ShouldBe(new StatusResponse(eventId, "Concert", 50, 0, 150));

        var replayed = await host.ReplayAsync(eventId);
        replayed.Version.ShouldBe(201);
        replayed.Booked.Select(u => u.Value).Order().ShouldBe(booked.Select(r => r.UserId).Order());
        replayed.WaitingInOrder.Select(u => u.Value).ShouldBe(waitlisted.Select(r => r.UserId));
        var cached = await client.DebugCacheEntryAsync(eventId);
        cached.ShouldMatch(new DebugCacheEntry(
            eventId, "Concert", 50, 0, 50, 150, [.. waitlisted.Take(DebugCacheResponse.MaxWaitingShown).Select(r => r.UserId)], 201, 0));
    }
}
