using System.Net;
using Booking.Web.Api;
using Booking.Web.Tests.Hosting;

namespace Booking.Web.Tests.Api;

public abstract partial class BookingApiContract
{
    [Theory]
    [InlineData("GET", "/nope", null)]
    [InlineData("GET", "/api/events/status", null)]
    [InlineData("POST", "/api/events/refund", null)]
    [InlineData("GET", "/api/nothing/here", "application/json")]
    [InlineData("GET", "/index.html", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")]
    public async Task Request_to_unknown_route_returns_404_problem_json_not_html(string method, string path, string? accept)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Authorization = BookingClient.Credentials();
        if (accept is not null)
            request.Headers.TryAddWithoutValidation("Accept", accept);

        using var response = await Client.Http.SendAsync(request);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, Problems.NotFound);
    }

    [Theory]
    [InlineData("not-a-number")]
    [InlineData("0198a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("9007199254740992")]
    public async Task Status_for_an_id_that_is_not_a_positive_integer_returns_400_naming_eventId(string eventId)
    {
        using var response = await Client.GetAsync($"/api/events/status/{eventId}", BookingClient.Credentials());

        await response.ShouldBeFieldErrorsAsync("eventId");
    }
}
