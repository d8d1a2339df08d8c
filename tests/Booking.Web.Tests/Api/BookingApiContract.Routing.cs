using System.Net;
using Booking.Web.Api;
using Booking.Web.Tests.Hosting;

namespace Booking.Web.Tests.Api;

public abstract partial class BookingApiContract
{
    [Theory]
    [InlineData("GET", "/nope", null)]
    [InlineData("GET", "/api/events", null)]
    [InlineData("GET", "/api/events/status/not-a-uuid", null)]
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
}
