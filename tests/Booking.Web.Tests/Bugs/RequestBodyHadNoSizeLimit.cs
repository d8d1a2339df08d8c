using System.Net;
using System.Text;
using Booking.Web.Api;
using Booking.Web.Tests.Hosting;
using Booking.Web.Tests.Reliability;
using EventBooking.Migrations;

namespace Booking.Web.Tests.Bugs;

/// <summary>
/// Request bodies had only Kestrel's 30 MB default cap (none at all in process): a 2 MB body was read and parsed in
/// full before its 200-character name was refused. Now RequestLimits:MaxBodyBytes (16 KiB) answers 413 problem+json,
/// before reading when Content-Length says so and while reading a chunked body.
/// </summary>
public sealed class RequestBodyHadNoSizeLimit
{
    [Fact]
    public async Task Initialize_with_a_body_over_the_configured_limit_returns_413_and_stores_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(StoreProvider.MySql);
        await using var host = new BookingHost(database, settings: new Dictionary<string, string?> { ["RequestLimits:MaxBodyBytes"] = "64" });
        var client = host.CreateBookingClient();
        var body = """{"eventName": "A name that makes the body just too long", "totalTickets": 1}""";
        Encoding.UTF8.GetByteCount(body).ShouldBeGreaterThan(64);

        using var response = await client.PostAsync("/api/events/initialize", body);

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, Problems.PayloadTooLarge);
        (await host.CountAllEventsAsync()).ShouldBe(0);
        (await client.NewEventAsync(totalTickets: 1, "Short")).ShouldBeGreaterThan(0);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Initialize_on_kestrel_with_a_2_mb_body_returns_413_problem_and_stores_nothing(bool chunked)
    {
        await using var server = await KestrelHost.StartAsync(new Dictionary<string, string?>());
        var body = Encoding.UTF8.GetBytes($$"""{"eventName": "{{new string('n', 2_000_000)}}", "totalTickets": 1}""");
        using var content = new StreamContent(new MemoryStream(body));
        content.Headers.ContentType = new("application/json");
        if (!chunked)
            content.Headers.ContentLength = body.Length;

        using var response = await server.Http.PostAsync("/api/events/initialize", content);

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, Problems.PayloadTooLarge);
        (await server.Host.CountAllEventsAsync()).ShouldBe(0);
    }
}
