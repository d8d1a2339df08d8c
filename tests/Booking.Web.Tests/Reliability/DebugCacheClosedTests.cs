using System.Net;
using Booking.Web.Api;
using Booking.Web.Tests.Hosting;
using EventBooking.Migrations;

namespace Booking.Web.Tests.Reliability;

/// <summary>
/// Suite 7 of issue #6, the debug cache outside Development (MySQL): not mapped at all by default, so every spelling
/// of its path is a 404 problem, with or without credentials; when switched on, only the configured credentials open it.
/// </summary>
public sealed class DebugCacheClosedTests
{
    private static readonly string[] Paths =
    [
        "/api/events/debug/cache",
        "/api/events/debug/cache/",
        "/API/EVENTS/DEBUG/CACHE",
        "/api/events/debug/cache?x=1",
        "/api/events/debug/./cache",
        "/api/events/debug/%63ache",
    ];

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task DebugCache_outside_development_by_default_returns_404_problem_for_every_spelling_of_its_path(string environment)
    {
        await using var database = await TestDatabase.CreateAsync(StoreProvider.MySql);
        await using var host = new BookingHost(database, environment);
        var client = host.CreateBookingClient();
        await client.NewEventAsync(totalTickets: 1);

        foreach (var path in Paths)
        {
            using var anonymous = await client.GetAsync(path);
            using var operatorCredentials = await client.GetAsync(path, BookingClient.Credentials());
            await anonymous.ShouldBeProblemAsync(HttpStatusCode.NotFound, Problems.NotFound);
            await operatorCredentials.ShouldBeProblemAsync(HttpStatusCode.NotFound, Problems.NotFound);
        }
    }

    [Fact]
    public async Task DebugCache_switched_on_outside_development_refuses_the_development_defaults_and_wrong_users()
    {
        await using var database = await TestDatabase.CreateAsync(StoreProvider.MySql);
        await using var host = new BookingHost(database, "Production", new Dictionary<string, string?> { ["DebugCache:Enabled"] = "true" });
        var client = host.CreateBookingClient();

        using var seedDefaults = await client.GetAsync("/api/events/debug/cache", BookingClient.Credentials("admin", "greatbrands"));
        using var wrongUser = await client.GetAsync("/API/EVENTS/DEBUG/CACHE", BookingClient.Credentials("admin", BookingHost.Password));
        using var right = await client.GetAsync("/api/events/debug/cache", BookingClient.Credentials());

        await seedDefaults.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, Problems.Unauthorized);
        await wrongUser.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, Problems.Unauthorized);
        right.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
