using System.Net;
using Booking.Web.Api;
using Booking.Web.Tests.Hosting;

namespace Booking.Web.Tests.Reliability;

/// <summary>
/// Suite 7 of issue #6, rate limit and X-Forwarded-For, on a real Kestrel listener (MySQL): the per-IP budget is
/// keyed on the connection's address, which X-Forwarded-For replaces only when the sender is a trusted proxy.
/// </summary>
public sealed class RateLimitAndForwardingTests
{
    private const int Permits = 3;

    [Fact]
    public async Task Request_over_the_limit_on_a_real_socket_returns_429_problem_with_retry_after()
    {
        await using var server = await KestrelHost.StartAsync(Limited());

        await SpendBudgetAsync(server, forwardedFor: null);
        using var limited = await server.StatusAsync(forwardedFor: null);

        await ShouldBeRateLimitedAsync(limited);
    }

    [Fact]
    public async Task XForwardedFor_without_trusted_proxy_is_ignored_so_a_spoofed_address_shares_the_callers_budget()
    {
        await using var server = await KestrelHost.StartAsync(Limited());

        for (var i = 1; i <= Permits; i++)
        {
            using var allowed = await server.StatusAsync($"203.0.113.{i}");
            allowed.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        using var spoofed = await server.StatusAsync("198.51.100.99");
        await ShouldBeRateLimitedAsync(spoofed);
    }

    [Fact]
    public async Task XForwardedFor_from_an_address_that_is_not_the_configured_proxy_is_ignored()
    {
        await using var server = await KestrelHost.StartAsync(Limited(trustedProxy: "10.20.30.40"));

        for (var i = 1; i <= Permits; i++)
        {
            using var allowed = await server.StatusAsync($"203.0.113.{i}");
            allowed.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        using var spoofed = await server.StatusAsync("198.51.100.99");
        await ShouldBeRateLimitedAsync(spoofed);
    }

    [Fact]
    public async Task XForwardedFor_from_the_trusted_proxy_gives_each_client_address_its_own_budget()
    {
        await using var server = await KestrelHost.StartAsync(Limited(trustedProxy: "127.0.0.1"));

        await SpendBudgetAsync(server, "203.0.113.1");
        using var first = await server.StatusAsync("203.0.113.1");
        using var second = await server.StatusAsync("203.0.113.2");
        using var proxyItself = await server.StatusAsync(forwardedFor: null);

        await ShouldBeRateLimitedAsync(first);
        second.StatusCode.ShouldBe(HttpStatusCode.NotFound, "another client behind the proxy has a budget of its own");
        proxyItself.StatusCode.ShouldBe(HttpStatusCode.NotFound, "the proxy's own address has a budget of its own");
    }

    [Fact]
    public async Task XForwardedFor_from_the_trusted_proxy_counts_only_the_address_the_proxy_appended()
    {
        await using var server = await KestrelHost.StartAsync(Limited(trustedProxy: "127.0.0.1"));

        // A client may send its own X-Forwarded-For; the proxy appends the real address last. Only that one counts.
        for (var i = 1; i <= Permits; i++)
        {
            using var allowed = await server.StatusAsync($"198.51.100.{i}, 203.0.113.1");
            allowed.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        using var rotated = await server.StatusAsync("198.51.100.200, 203.0.113.1");
        await ShouldBeRateLimitedAsync(rotated);
    }

    [Fact]
    public async Task Request_over_the_limit_cannot_dodge_it_by_spelling_the_path_differently()
    {
        await using var server = await KestrelHost.StartAsync(Limited());
        await SpendBudgetAsync(server, forwardedFor: null);
        string[] spellings =
        [
            "/api/events/book", "/API/Events/Book", "/api/events/book/", "/api/events/./book", "/api/events/x/../book",
            "/%61pi/events/book", "/api/events//book", "//api/events/book", "/api//events/book",
        ];

        foreach (var spelling in spellings)
        {
            // Sent exactly as written: no dot-segment removal or other canonicalization by the client.
            var uri = new Uri(server.Http.BaseAddress!.GetLeftPart(UriPartial.Authority) + spelling, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
            using var request = new HttpRequestMessage(HttpMethod.Post, uri)
            {
                Content = BookingClient.Json(BookingClient.BookingBody(1, BookingClient.UnknownEventId)),
            };
            using var response = await server.Http.SendAsync(request);

            // Either limited, or a path no route matches (so no handler ran): never the handler's own answer.
            if (response.StatusCode == HttpStatusCode.NotFound)
                await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, Problems.NotFound);
            else
                await ShouldBeRateLimitedAsync(response);
        }
    }

    [Theory]
    [InlineData("not-an-address")]
    [InlineData("999.1.1.1")]
    [InlineData("")]
    [InlineData("203.0.113.1:99999")]
    public async Task XForwardedFor_that_is_not_an_address_falls_back_to_the_proxys_address_without_error(string forwardedFor)
    {
        await using var server = await KestrelHost.StartAsync(Limited(trustedProxy: "127.0.0.1"));

        for (var i = 0; i < Permits; i++)
        {
            using var allowed = await server.StatusAsync(forwardedFor);
            allowed.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        using var direct = await server.StatusAsync(forwardedFor: null);
        await ShouldBeRateLimitedAsync(direct);
    }

    private static Dictionary<string, string?> Limited(string? trustedProxy = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["RateLimiting:Enabled"] = "true",
            ["RateLimiting:PermitLimit"] = Permits.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RateLimiting:Window"] = "00:10:00",
        };
        if (trustedProxy is not null)
            settings["ForwardedHeaders:KnownProxies:0"] = trustedProxy;
        return settings;
    }

    private static async Task SpendBudgetAsync(KestrelHost server, string? forwardedFor)
    {
        for (var i = 0; i < Permits; i++)
        {
            using var allowed = await server.StatusAsync(forwardedFor);
            allowed.StatusCode.ShouldBe(HttpStatusCode.NotFound, await allowed.Content.ReadAsStringAsync());
        }
    }

    private static async Task ShouldBeRateLimitedAsync(HttpResponseMessage response)
    {
        await response.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, Problems.RateLimited);
        response.Headers.RetryAfter!.Delta!.Value.ShouldBeInRange(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
    }
}
