using Booking.Web.Api;
using Booking.Web.Tests.Hosting;

namespace Booking.Web.Tests.Scenarios;

public abstract partial class ScenarioContract
{
    [Fact]
    public async Task Restart_with_warm_up_count_1_loads_only_the_most_recently_active_event_into_the_debug_cache()
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        long older, recent;
        DebugCacheEntry? recentBefore;
        await using (var first = new BookingHost(database))
        {
            var client = first.CreateBookingClient();
            older = await client.NewEventAsync(totalTickets: 1, "Older");
            recent = await client.NewEventAsync(totalTickets: 1, "Recent");
            await client.BookedAsync(1, recent);
            await client.BookedAsync(2, recent);
            recentBefore = await client.DebugCacheEntryAsync(recent);
        }

        await using var second = new BookingHost(database, settings: new Dictionary<string, string?> { ["Processing:WarmUpCount"] = "1" });
        var restarted = second.CreateBookingClient();

        var warmed = await WarmedEntryAsync(restarted, recent);
        warmed.ShouldMatch(recentBefore!);
        (await restarted.DebugCacheEntryAsync(older)).ShouldBeNull();
    }

    /// <summary>Warm-up loads in the background after start-up; give it a few seconds.</summary>
    private static async Task<DebugCacheEntry?> WarmedEntryAsync(BookingClient client, long eventId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (true)
        {
            var entry = await client.DebugCacheEntryAsync(eventId);
            if (entry is not null || DateTime.UtcNow > deadline)
                return entry;
            await Task.Delay(25);
        }
    }
}
