using EventBooking.Migrations;

namespace Booking.Web.Tests.Hosting;

/// <summary>
/// One Development host over one fresh database for a whole test class. Tests stay independent because each
/// initializes its own ticketed event; a class's tests run one at a time, so whole-store counts are stable too.
/// </summary>
public abstract class SharedHost(StoreProvider provider) : IAsyncLifetime
{
    public BookingHost Host { get; private set; } = null!;

    public BookingClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = new BookingHost(await TestDatabase.CreateAsync(provider));
        Client = Host.CreateBookingClient();
    }

    public async Task DisposeAsync()
    {
        Client.Http.Dispose();
        await Host.DisposeAsync();
        await Host.Database.DisposeAsync();
    }
}

public sealed class MySqlSharedHost() : SharedHost(StoreProvider.MySql);

public sealed class SqliteSharedHost() : SharedHost(StoreProvider.Sqlite);
