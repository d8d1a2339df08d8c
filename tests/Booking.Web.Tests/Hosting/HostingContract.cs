using System.Net;
using Booking.Core.TicketedEvents;
using Booking.Web.Api;
using Booking.Web.Hosting;
using EventBooking.Migrations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Booking.Web.Tests.Hosting;

/// <summary>
/// Behaviour that depends on how the host is configured (environment, rate limit, debug cache switch), so each
/// test starts its own host over its own database. Run once per store provider.
/// </summary>
public abstract class HostingContract
{
    protected abstract StoreProvider Provider { get; }

    [Fact]
    public async Task Start_migrates_the_configured_database_and_commands_are_stored_there()
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        await using var host = new BookingHost(database);

        var eventId = await host.CreateBookingClient().NewEventAsync(totalTickets: 3, "Recital");

        host.Services.GetRequiredService<StoreSettings>().ShouldBe(new StoreSettings(Provider, database.ConnectionString, MigrateOnStartup: true));
        SchemaMigrator.MigrateUp(Provider, database.ConnectionString).ShouldBeEmpty("the host applied every migration at start-up");
        var independent = StoreSetup.CreateStore(new StoreSettings(Provider, database.ConnectionString, MigrateOnStartup: false), TimeProvider.System);
        var stored = await independent.ReadStreamAsync(new TicketedEventId(eventId).StreamId);
        stored.Select(e => e.Data).ShouldBe([new TicketsInitialized(new TicketedEventId(eventId), "Recital", 3)]);
    }

    [Fact]
    public async Task Host_makes_each_category_logger_once_and_hands_out_that_one()
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        await using var host = new BookingHost(database);
        var factory = host.Services.GetRequiredService<ILoggerFactory>();

        var first = factory.CreateLogger("Microsoft.AspNetCore.Http.Result.CreatedResult");

        factory.CreateLogger("Microsoft.AspNetCore.Http.Result.CreatedResult").ShouldBeSameAs(first);
        factory.CreateLogger("Another.Category").ShouldNotBeSameAs(first);
    }

    [Fact]
    public async Task Host_has_no_default_authentication_scheme_and_a_protected_route_still_challenges()
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        await using var host = new BookingHost(database);
        var client = host.CreateBookingClient();
        var eventId = await client.NewEventAsync(totalTickets: 1);

        (await host.Services.GetRequiredService<IAuthenticationSchemeProvider>().GetDefaultAuthenticateSchemeAsync())
            .ShouldBeNull("an open route (book, cancel) must run no authentication handler");
        using var anonymous = await client.StatusAsync(eventId, credentials: null);
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        anonymous.Headers.WwwAuthenticate.ShouldContain(h => h.Scheme == "Basic");
        using var admin = await client.StatusAsync(eventId, BookingClient.Credentials());
        admin.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Request_over_the_rate_limit_returns_429_with_retry_after_and_changes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        await using var host = new BookingHost(database, settings: new Dictionary<string, string?>
        {
            ["RateLimiting:Enabled"] = "true",
            ["RateLimiting:PermitLimit"] = "2",
            ["RateLimiting:Window"] = "00:10:00",
        });
        var client = host.CreateBookingClient();
        var eventId = await client.NewEventAsync(totalTickets: 1);
        await client.BookedAsync(1, eventId);
        var before = await host.FactsAsync(eventId);

        using var limited = await client.BookAsync(2, eventId);

        await limited.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, Problems.RateLimited);
        limited.Headers.RetryAfter!.Delta!.Value.ShouldBeInRange(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
        (await host.FactsAsync(eventId)).ShouldBe(before);
        using var status = await client.StatusAsync(eventId, BookingClient.Credentials());
        status.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Request_to_route_outside_the_limited_prefixes_is_never_rate_limited()
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        await using var host = new BookingHost(database, settings: new Dictionary<string, string?>
        {
            ["RateLimiting:Enabled"] = "true",
            ["RateLimiting:PermitLimit"] = "1",
        });
        var client = host.CreateBookingClient();
        await client.NewEventAsync(totalTickets: 1);

        for (var i = 0; i < 3; i++)
        {
            using var openApi = await client.GetAsync("/openapi/v1.json");
            openApi.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }

    [Theory]
    [InlineData("Production", "", "")]
    [InlineData("Production", "operator", "")]
    [InlineData("Production", "", "secret")]
    [InlineData("Staging", "", "")]
    public async Task Start_outside_development_without_credentials_fails(string environment, string username, string password)
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        await using var host = new BookingHost(database, environment, new Dictionary<string, string?>
        {
            ["Auth:Username"] = username,
            ["Auth:Password"] = password,
        });

        var error = Should.Throw<OptionsValidationException>(() => host.CreateClient());

        error.ToString().ShouldContain("Auth:Username and Auth:Password must be configured");
    }

    [Fact]
    public async Task DebugCache_outside_development_by_default_returns_404_problem()
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        await using var host = new BookingHost(database, "Production");
        var client = host.CreateBookingClient();
        await client.NewEventAsync(totalTickets: 1);

        using var anonymous = await client.GetAsync("/api/events/debug/cache");
        using var authenticated = await client.GetAsync("/api/events/debug/cache", BookingClient.Credentials());

        await anonymous.ShouldBeProblemAsync(HttpStatusCode.NotFound, Problems.NotFound);
        await authenticated.ShouldBeProblemAsync(HttpStatusCode.NotFound, Problems.NotFound);
    }

    [Fact]
    public async Task DebugCache_outside_development_when_enabled_needs_credentials()
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        await using var host = new BookingHost(database, "Production", new Dictionary<string, string?> { ["DebugCache:Enabled"] = "true" });
        var client = host.CreateBookingClient();
        var eventId = await client.NewEventAsync(totalTickets: 1, "Matinee");
        await client.BookedAsync(5, eventId);

        using var anonymous = await client.GetAsync("/api/events/debug/cache");
        using var wrong = await client.GetAsync("/api/events/debug/cache", BookingClient.Credentials(password: "nope"));

        await anonymous.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, Problems.Unauthorized);
        anonymous.ShouldChallengeForBasicAuth();
        await wrong.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, Problems.Unauthorized);
        wrong.ShouldChallengeForBasicAuth();
        var entry = await client.DebugCacheEntryAsync(eventId, BookingClient.Credentials());
        entry.ShouldMatch(new DebugCacheEntry(eventId, "Matinee", 1, 0, 1, 0, [], 2, 0));
    }

    [Fact]
    public async Task Request_to_unknown_route_outside_development_returns_404_problem_json()
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        await using var host = new BookingHost(database, "Production");
        var client = host.CreateBookingClient();

        using var response = await client.GetAsync("/does/not/exist");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, Problems.NotFound);
    }

    [Fact]
    public async Task Status_outside_development_needs_the_configured_credentials_not_the_development_ones()
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        await using var host = new BookingHost(database, "Production");
        var client = host.CreateBookingClient();
        var eventId = await client.NewEventAsync(totalTickets: 1);

        using var seedDefaults = await client.StatusAsync(eventId, BookingClient.Credentials("admin", "greatbrands"));

        await seedDefaults.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, Problems.Unauthorized);
        (await client.StatusOfAsync(eventId)).Status.TotalTickets.ShouldBe(1);
    }
}
