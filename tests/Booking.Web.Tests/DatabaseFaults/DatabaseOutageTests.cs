using System.Net;
using Booking.Web.Api;
using Booking.Web.Hosting;
using Booking.Web.Tests.Hosting;

namespace Booking.Web.Tests.DatabaseFaults;

/// <summary>
/// The service over its own mariadbd, which each test starts, stops (SIGTERM) and starts again on the same data
/// directory and port: the service must start without it, answer 503 with Retry-After and fail /health/ready while
/// it is away, and be ready again by itself once it is back.
/// </summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> FastRetry = new() { ["EventStore:MigrationRetryMaxDelay"] = "00:00:00.500" };
    private MariaDbServer _server = null!;

    public async Task InitializeAsync() => _server = await MariaDbServer.InstallAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Start_while_the_database_is_down_answers_503_until_it_is_up_then_becomes_ready_by_itself()
    {
        await using var host = new BookingHost(TestDatabase.On(_server, "outage_at_start"), settings: FastRetry);
        var client = host.CreateBookingClient();

        await client.ShouldBeLiveAsync();
        await client.ShouldNotBeReadyAsync();
        using (var book = await client.BookAsync(1, BookingClient.UnknownEventId))
            await book.ShouldBeUnavailableAsync();
        using (var initialize = await client.InitializeAsync("Concert", 2))
            await initialize.ShouldBeUnavailableAsync();
        using (var status = await client.StatusAsync(BookingClient.UnknownEventId, BookingClient.Credentials()))
            await status.ShouldBeUnavailableAsync();

        await _server.StartAsync();

        await client.BecomesReadyAsync();
        await client.ShouldBeLiveAsync();
        var eventId = await client.NewEventAsync(totalTickets: 1);
        (await client.BookedAsync(1, eventId)).Status.ShouldBe("booked");
        (await client.BookedAsync(2, eventId)).Status.ShouldBe("waitlisted");
        (await client.StatusOfAsync(eventId)).Status.ShouldBe(new StatusResponse(eventId, "Concert", 1, 0, 1));
    }

    [Fact]
    public async Task Book_while_the_database_is_stopped_mid_run_answers_503_and_succeeds_by_itself_after_it_restarts()
    {
        await _server.StartAsync();
        await using var host = new BookingHost(TestDatabase.On(_server, "outage_mid_run"), settings: FastRetry);
        var client = host.CreateBookingClient();
        var eventId = await client.NewEventAsync(totalTickets: 3);
        await client.BookedAsync(1, eventId);
        (await client.HealthAsync(StoreHealth.ReadyPath)).Status.ShouldBe(HttpStatusCode.OK);

        await _server.StopAsync();

        await client.ShouldBeLiveAsync();
        await client.ShouldNotBeReadyAsync();
        using (var book = await client.BookAsync(2, eventId))
            await book.ShouldBeUnavailableAsync();
        using (var status = await client.StatusAsync(eventId, BookingClient.Credentials()))
            await status.ShouldBeUnavailableAsync();

        await _server.StartAsync();

        await client.BecomesReadyAsync();
        (await client.BookedAsync(3, eventId)).Status.ShouldBe("booked");
        (await client.BookedAsync(4, eventId)).Status.ShouldBe("booked");
        var replayed = await host.ReplayAsync(eventId);
        replayed.Booked.Select(u => u.Value).Order().ToArray().ShouldBe([1L, 3L, 4L], "the booking answered 503 while the database was down was not made");
        (await client.StatusOfAsync(eventId)).Status.ShouldBe(new StatusResponse(eventId, "Concert", 3, 0, 0));
    }
}
