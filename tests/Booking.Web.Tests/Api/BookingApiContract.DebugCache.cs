using Booking.Web.Api;
using Booking.Web.Tests.Hosting;

namespace Booking.Web.Tests.Api;

public abstract partial class BookingApiContract
{
    [Fact]
    public async Task DebugCache_in_development_returns_200_without_credentials_with_the_processors_state()
    {
        var eventId = await Client.NewEventAsync(totalTickets: 2, "Jazz Club");
        foreach (var user in new long[] { 11, 12, 13, 14 })
            await Client.BookedAsync(user, eventId);
        await Client.CancelledAsync(13, eventId);

        var entry = await Client.DebugCacheEntryAsync(eventId, credentials: null);

        entry.ShouldMatch(new DebugCacheEntry(eventId, "Jazz Club", 2, 0, 2, 1, [14], 6, 0));
    }
}
