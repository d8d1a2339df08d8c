using Booking.Web.Tests.Hosting;
using EventBooking.Migrations;

namespace Booking.Web.Tests.Reliability;

/// <summary>
/// One Development host over one fresh database for the bad-input suite, holding one ticketed event with a seat
/// booked (user 1) and a user waiting (user 2): a hostile request that slipped through would change its stream.
/// </summary>
public abstract class BadInputHost(StoreProvider provider) : IAsyncLifetime
{
    public BookingHost Host { get; private set; } = null!;

    public BookingClient Client { get; private set; } = null!;

    public long EventId { get; private set; }

    public async Task InitializeAsync()
    {
        Host = new BookingHost(await TestDatabase.CreateAsync(provider));
        Client = Host.CreateBookingClient();
        EventId = await Client.NewEventAsync(totalTickets: 1, "Seeded");
        await Client.BookedAsync(1, EventId);
        await Client.BookedAsync(2, EventId);
    }

    public async Task DisposeAsync()
    {
        Client.Http.Dispose();
        await Host.DisposeAsync();
        await Host.Database.DisposeAsync();
    }
}

public sealed class MySqlBadInputHost() : BadInputHost(StoreProvider.MySql);

public sealed class SqliteBadInputHost() : BadInputHost(StoreProvider.Sqlite);
