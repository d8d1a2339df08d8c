using System.Net;
using Booking.Web.Api;
using Booking.Web.Tests.Hosting;

namespace Booking.Web.Tests.Scenarios;

public abstract partial class ScenarioContract
{
    [Fact]
    public async Task Restart_over_the_same_database_keeps_status_waiting_list_and_debug_cache()
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        long eventId;
        (StatusResponse Status, string ETag) statusBefore;
        DebugCacheEntry? cacheBefore;
        await using (var first = new BookingHost(database))
        {
            var client = first.CreateBookingClient();
            eventId = await client.NewEventAsync(totalTickets: 3, "Festival");
            foreach (var user in Users(1, 8))
                await client.BookedAsync(user, eventId);
            (await client.CancelledAsync(2, eventId)).PromotedUserId.ShouldBe(4);
            (await client.CancelledAsync(6, eventId)).Status.ShouldBe("left-waitlist");
            statusBefore = await client.StatusOfAsync(eventId);
            cacheBefore = await client.DebugCacheEntryAsync(eventId);
        }

        await using var second = new BookingHost(database);
        var restarted = second.CreateBookingClient();

        (await restarted.StatusOfAsync(eventId)).ShouldBe(statusBefore);
        // The debug cache shows loaded processors only; a refused duplicate booking loads this one, changing nothing.
        using (var duplicate = await restarted.BookAsync(1, eventId))
            await duplicate.ShouldBeProblemAsync(HttpStatusCode.Conflict, Problems.AlreadyBooked);
        var cacheAfter = await restarted.DebugCacheEntryAsync(eventId);
        cacheBefore.ShouldMatch(new DebugCacheEntry(eventId, "Festival", 3, 0, 3, 3, [5, 7, 8], 12, 0));
        cacheAfter.ShouldMatch(cacheBefore);
        (await restarted.BookedAsync(9, eventId)).Position.ShouldBe(4);
    }
}
