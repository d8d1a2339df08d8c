using System.Net;
using Booking.Web.Api;
using Booking.Web.Tests.Hosting;
using Booking.Web.Tests.Reliability;
using EventBooking.Migrations;

namespace Booking.Web.Tests.Dashboard;

/// <summary>Who may open the dashboard, what it is served as, and how its polling stands with the per-IP limit.</summary>
public sealed class DashboardAccessTests
{
    [Theory]
    [InlineData("/dashboard")]
    [InlineData("/dashboard/")]
    [InlineData("/dashboard/dashboard.js")]
    [InlineData("/dashboard/dashboard.css")]
    [InlineData("/dashboard/api/events")]
    [InlineData("/dashboard/api/events/1/history")]
    public async Task Dashboard_without_credentials_returns_401_with_the_basic_challenge(string path)
    {
        await using var server = await KestrelHost.StartAsync(new Dictionary<string, string?>(), provider: StoreProvider.Sqlite);

        using var response = await server.Http.GetAsync(path);

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, Problems.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().ShouldStartWith("Basic realm=");
    }

    [Theory]
    [InlineData("/dashboard", "text/html")]
    [InlineData("/dashboard/dashboard.js", "text/javascript")]
    [InlineData("/dashboard/dashboard.css", "text/css")]
    public async Task Dashboard_asset_with_credentials_is_served_from_the_assembly_and_revalidated_by_etag(string path, string mediaType)
    {
        await using var server = await KestrelHost.StartAsync(new Dictionary<string, string?>(), provider: StoreProvider.Sqlite);

        using var first = await SendAsync(server, path);
        using var again = await SendAsync(server, path, first.Headers.ETag?.Tag);

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        first.Content.Headers.ContentType!.MediaType.ShouldBe(mediaType);
        (await first.Content.ReadAsStringAsync()).ShouldNotBeEmpty();
        first.Headers.CacheControl!.NoCache.ShouldBeTrue();
        again.StatusCode.ShouldBe(HttpStatusCode.NotModified);
    }

    [Fact]
    public async Task Dashboard_reads_after_the_api_budget_is_spent_still_answer()
    {
        await using var server = await KestrelHost.StartAsync(
            new Dictionary<string, string?> { ["RateLimiting:Enabled"] = "true", ["RateLimiting:PermitLimit"] = "2", ["RateLimiting:Window"] = "00:15:00" },
            provider: StoreProvider.Sqlite);
        for (var i = 0; i < 2; i++)
        {
            using var allowed = await SendAsync(server, "/api/events");
            allowed.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var limited = await SendAsync(server, "/api/events");
        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests, "the public API keeps its limit");
        for (var poll = 0; poll < 20; poll++)
        {
            using var read = await SendAsync(server, "/dashboard/api/events?limit=100");
            read.StatusCode.ShouldBe(HttpStatusCode.OK, $"poll {poll}");
        }
    }

    private static async Task<HttpResponseMessage> SendAsync(KestrelHost server, string path, string? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = BookingClient.Credentials();
        if (ifNoneMatch is not null)
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        return await server.Http.SendAsync(request);
    }
}
