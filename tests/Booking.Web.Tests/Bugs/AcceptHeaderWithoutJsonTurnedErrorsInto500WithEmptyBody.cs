using System.Net;
using Booking.Web.Api;
using Booking.Web.Tests.Hosting;
using Booking.Web.Tests.Reliability;
using EventBooking.Migrations;

namespace Booking.Web.Tests.Bugs;

/// <summary>
/// The framework's problem writer declines when Accept leaves JSON out, so 401, 404, 405 and 429 (written outside an
/// endpoint through IProblemDetailsService.WriteAsync) threw and went out as a 500 with an empty body to any browser
/// (text/html) or XML client. Now they are problem+json whatever the Accept header says.
/// </summary>
public sealed class AcceptHeaderWithoutJsonTurnedErrorsInto500WithEmptyBody
{
    public static TheoryData<string> Accepts() => ["text/html", "application/xml", "text/html,application/xhtml+xml;q=0.9", "image/png"];

    [Theory]
    [MemberData(nameof(Accepts))]
    public async Task Unauthorized_unknown_route_and_wrong_method_with_non_json_accept_return_problem_json(string accept)
    {
        await using var database = await TestDatabase.CreateAsync(StoreProvider.MySql);
        await using var host = new BookingHost(database, "Production");
        var client = host.CreateBookingClient();
        var eventId = await client.NewEventAsync(totalTickets: 1);

        using var unauthorized = await SendAsync(client.Http, HttpMethod.Get, $"/api/events/status/{eventId}", accept);
        using var notFound = await SendAsync(client.Http, HttpMethod.Get, "/api/events/debug/cache", accept);
        using var wrongMethod = await SendAsync(client.Http, HttpMethod.Put, "/api/events/book", accept);

        await unauthorized.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, Problems.Unauthorized);
        unauthorized.ShouldChallengeForBasicAuth();
        await notFound.ShouldBeProblemAsync(HttpStatusCode.NotFound, Problems.NotFound);
        await wrongMethod.ShouldBeProblemAsync(HttpStatusCode.MethodNotAllowed, Problems.MethodNotAllowed);
    }

    [Fact]
    public async Task Rate_limited_request_with_html_accept_returns_429_problem_json_with_retry_after()
    {
        await using var server = await KestrelHost.StartAsync(new Dictionary<string, string?>
        {
            ["RateLimiting:Enabled"] = "true",
            ["RateLimiting:PermitLimit"] = "1",
        });
        using var allowed = await server.StatusAsync(forwardedFor: null, accept: "text/html");

        using var limited = await server.StatusAsync(forwardedFor: null, accept: "text/html");

        allowed.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await limited.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, Problems.RateLimited);
        limited.Headers.RetryAfter.ShouldNotBeNull();
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, string accept)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        return await http.SendAsync(request);
    }
}
