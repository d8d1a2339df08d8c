using System.Net;
using System.Net.Http.Json;
using Booking.Web.Api;
using Booking.Web.Tests.Hosting;

namespace Booking.Web.Tests.Bugs;

/// <summary>
/// A JSON escape for half a surrogate pair (<c>\ud800</c>) is valid JSON syntax but not Unicode text; reading it threw
/// InvalidOperationException, answered as a 500 (and could not have been stored as utf8mb4). Now a 400 malformed-json.
/// </summary>
public sealed class UnpairedSurrogateEscapeAnswered500(MySqlSharedHost shared) : IClassFixture<MySqlSharedHost>
{
    [Theory]
    [InlineData("/api/events/initialize", """{"eventName": "Gala \ud83d", "totalTickets": 1}""")]
    [InlineData("/api/events/initialize", """{"eventName": "Gala", "totalTickets": 1, "\udfff": 0}""")]
    [InlineData("/api/events/cancel", """{"userId": 1, "eventId": "\udc00"}""")]
    public async Task Post_with_unpaired_surrogate_escape_returns_400_malformed_json_not_500(string path, string body)
    {
        var before = await shared.Host.CountAllEventsAsync();

        using var response = await shared.Client.PostAsync(path, body);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, Problems.MalformedJson);
        (await shared.Host.CountAllEventsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Initialize_with_a_whole_surrogate_pair_escape_stores_the_character()
    {
        using var response = await shared.Client.PostAsync("/api/events/initialize", """{"eventName": "Gala \ud83c\udfb5", "totalTickets": 1}""");

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var created = (await response.Content.ReadFromJsonAsync<InitializeResponse>())!;
        (await shared.Client.StatusOfAsync(created.EventId)).Status.EventName.ShouldBe("Gala \U0001F3B5");
    }
}
