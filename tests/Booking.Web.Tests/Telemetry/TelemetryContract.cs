using System.Net;
using Booking.Web.Tests.Hosting;
using EventBooking.Migrations;

namespace Booking.Web.Tests.Telemetry;

/// <summary>
/// What an operator watches: the Prometheus scrape, the log lines of the processors and the traces. Each test starts
/// its own host (the meter and the log sink belong to it). Run once per store provider.
/// </summary>
public abstract partial class TelemetryContract
{
    protected abstract StoreProvider Provider { get; }

    [Fact]
    public async Task Metrics_after_a_booking_and_a_refusal_name_the_domain_instruments_and_count_the_refusal_by_reason()
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        await using var host = new BookingHost(database);
        var client = host.CreateBookingClient();
        var eventId = await client.NewEventAsync(totalTickets: 1);
        (await client.BookAsync(1, eventId)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var before = await ScrapeAsync(client);

        (await client.BookAsync(1, eventId)).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var after = await ScrapeUntilAsync(client, s => s.Value(Commands, Book, AlreadyBooked) > before.Value(Commands, Book, AlreadyBooked));
        after.Value(Commands, Book, AlreadyBooked).ShouldBeGreaterThan(before.Value(Commands, Book, AlreadyBooked));
        after.Value(Commands, Book, "outcome=\"booked\"").ShouldBeGreaterThanOrEqualTo(1);
        after.Value(Commands, "command=\"initialize\"", "outcome=\"initialized\"").ShouldBeGreaterThanOrEqualTo(1);
        // Not ASP.NET Core's http_server_*: its meters belong to each host (IMeterFactory), the SDK merges same-named
        // ones, and a parallel test's host that stops ends the merged stream. The sample scrape in docs shows them.
        string[] instruments =
        [
            "eventbooking_processor_batch_size_bucket", "eventbooking_append_duration_seconds_bucket", "eventbooking_append_events_bucket",
            "eventbooking_processor_queued", "eventbooking_processors_live", "dotnet_gc_collections_total",
        ];
        instruments.Where(name => !after.Has(name)).ShouldBeEmpty(after.Text);
        if (Provider == StoreProvider.MySql)
            after.Text.ShouldContain("db_client_connection", Case.Sensitive, "MySqlConnector's meter is exported on MySQL");
    }

    [Fact]
    public async Task Metrics_when_disabled_are_not_served()
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        await using var host = new BookingHost(database, settings: new Dictionary<string, string?> { ["Telemetry:Metrics:Enabled"] = "false" });

        using var response = await host.CreateClient().GetAsync(new Uri("/metrics", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Metrics_when_admin_is_required_ask_for_the_operators_credentials()
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        await using var host = new BookingHost(database, settings: new Dictionary<string, string?> { ["Telemetry:Metrics:RequireAdmin"] = "true" });
        var client = host.CreateBookingClient();

        using var anonymous = await client.GetAsync("/metrics");
        using var admin = await client.GetAsync("/metrics", BookingClient.Credentials());

        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        admin.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private const string Commands = "eventbooking_commands_total";
    private const string Book = "command=\"book\"";
    private const string AlreadyBooked = "reason=\"already_booked\"";

    private static async Task<PrometheusText> ScrapeAsync(BookingClient client)
    {
        using var response = await client.GetAsync("/metrics");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("text/plain");
        return new PrometheusText(await response.Content.ReadAsStringAsync());
    }

    // The exporter caches a scrape for a moment, so a change shows up on a later one.
    private static async Task<PrometheusText> ScrapeUntilAsync(BookingClient client, Func<PrometheusText, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var scrape = await ScrapeAsync(client);
            if (done(scrape) || DateTime.UtcNow > deadline)
                return scrape;
            await Task.Delay(100);
        }
    }
}
