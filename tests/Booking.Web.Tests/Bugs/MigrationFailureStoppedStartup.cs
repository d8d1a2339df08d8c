using System.Net;
using System.Net.Sockets;
using Booking.Web.Tests.DatabaseFaults;
using Booking.Web.Tests.Hosting;
using EventBooking.Migrations;

namespace Booking.Web.Tests.Bugs;

/// <summary>
/// Found by the database-faults suite: the start-up migrations ran inside the hosted service's StartAsync and threw
/// when MariaDB was unreachable, so the host never started; the service stayed down even after the database came
/// back, until something restarted it. Now the first attempt's failure is logged and the attempts go on in the
/// background while the API answers 503.
/// </summary>
public sealed class MigrationFailureStoppedStartup
{
    [Fact]
    public async Task Start_with_an_unreachable_database_starts_the_host_live_but_not_ready()
    {
        var settings = new Dictionary<string, string?>
        {
            ["EventStore:Provider"] = nameof(StoreProvider.MySql),
            ["ConnectionStrings:EventStore"] = $"Server=127.0.0.1;Port={ClosedPort()};User ID=root;Password=;Database=nowhere;Connection Timeout=2",
        };
        await using var database = await TestDatabase.CreateAsync(StoreProvider.Sqlite);
        await using var host = new BookingHost(database, settings: settings);

        var client = host.CreateBookingClient();

        await client.ShouldBeLiveAsync();
        await client.ShouldNotBeReadyAsync();
        using var book = await client.BookAsync(1, BookingClient.UnknownEventId);
        await book.ShouldBeUnavailableAsync();
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
