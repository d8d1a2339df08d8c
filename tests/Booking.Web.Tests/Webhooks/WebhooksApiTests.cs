using System.Net;
using System.Net.Http.Json;
using Booking.Web.Api;
using Booking.Web.Tests.Hosting;
using Booking.Web.Webhooks;

namespace Booking.Web.Tests.Webhooks;

/// <summary>The subscription routes' answers to good and bad requests (the store plays no part: SQLite only).</summary>
public sealed class WebhooksApiTests(SqliteSharedHost shared) : IClassFixture<SqliteSharedHost>
{
    private readonly WebhookAdmin _admin = new(shared.Client.Http);

    [Fact]
    public async Task Create_answers_201_with_a_whsec_secret_and_get_shows_it_without_the_secret()
    {
        var created = await _admin.CreateAsync("https://example.com/hooks", ["waitlist-promoted"], 7);

        created.Id.ShouldStartWith("wh_");
        created.Url.ShouldBe("https://example.com/hooks");
        created.Types.ShouldBe(["waitlist-promoted"]);
        Convert.FromBase64String(created.Secret["whsec_".Length..]).Length.ShouldBe(32);
        var shown = await _admin.GetAsync(created.Id);
        shown.Status.ShouldBe("active");
        shown.EventId.ShouldBe(7);
        shown.Position.ShouldBe(await shared.Host.Store.ReadHeadPositionAsync() + 1);
        shown.Lag.ShouldBe(0);
        using var raw = await _admin.SendAsync(HttpMethod.Get, $"/api/webhooks/{created.Id}");
        (await raw.Content.ReadAsStringAsync()).ShouldNotContain(created.Secret);
    }

    [Fact]
    public async Task Create_without_types_subscribes_to_every_type_and_list_includes_it()
    {
        var created = await _admin.CreateAsync("http://127.0.0.1:9/hooks");

        created.Types.Count.ShouldBe(Booking.Core.TicketedEvents.TicketedEventEventTypes.All.Count);
        using var list = await _admin.SendAsync(HttpMethod.Get, "/api/webhooks");
        (await list.Content.ReadFromJsonAsync<WebhookListResponse>())!.Webhooks.Select(w => w.Id).ShouldContain(created.Id);
    }

    [Theory]
    [InlineData("""{"url":"/relative"}""", "url")]
    [InlineData("""{"url":"ftp://example.com/x"}""", "url")]
    [InlineData("""{"url":"not a url"}""", "url")]
    [InlineData("""{}""", "url")]
    [InlineData("""{"url":"https://example.com","types":["ticket-sold"]}""", "types")]
    [InlineData("""{"url":"https://example.com","types":[]}""", "types")]
    [InlineData("""{"url":"https://example.com","types":"ticket-booked"}""", "types")]
    [InlineData("""{"url":"https://example.com","eventId":0}""", "eventId")]
    [InlineData("""{"url":"https://example.com","eventId":"12"}""", "eventId")]
    [InlineData("""{"url":"https://example.com","secret":"whsec_x"}""", "secret")]
    public async Task Create_with_a_bad_field_is_a_400_naming_it_and_creates_nothing(string body, string field)
    {
        var before = await CountAsync();

        using var response = await _admin.SendAsync(HttpMethod.Post, "/api/webhooks", body);

        await response.ShouldBeFieldErrorsAsync(field);
        (await CountAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("GET", "/api/webhooks/wh_0000000000000000000000000000000f", null)]
    [InlineData("GET", "/api/webhooks/nonsense%20id", null)]
    [InlineData("DELETE", "/api/webhooks/wh_0000000000000000000000000000000f", null)]
    [InlineData("POST", "/api/webhooks/wh_0000000000000000000000000000000f/replay", """{"fromPosition":1}""")]
    public async Task Unknown_id_is_a_404_webhook_not_found(string method, string path, string? body)
    {
        using var response = await _admin.SendAsync(new HttpMethod(method), path, body);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, Problems.WebhookNotFound);
    }

    [Theory]
    [InlineData("""{"fromPosition":0}""")]
    [InlineData("""{"fromPosition":"1"}""")]
    [InlineData("""{}""")]
    public async Task Replay_with_a_bad_position_is_a_400_and_moves_nothing(string body)
    {
        var created = await _admin.CreateAsync("https://example.com/replay");

        using var response = await _admin.SendAsync(HttpMethod.Post, $"/api/webhooks/{created.Id}/replay", body);

        await response.ShouldBeFieldErrorsAsync("fromPosition");
        (await _admin.GetAsync(created.Id)).Position.ShouldBe(await shared.Host.Store.ReadHeadPositionAsync() + 1);
    }

    [Fact]
    public async Task Replay_moves_the_checkpoint_and_delete_removes_the_subscription()
    {
        var created = await _admin.CreateAsync("https://example.com/gone");

        (await _admin.ReplayAsync(created.Id, 1)).Position.ShouldBe(1);
        using var deleted = await _admin.SendAsync(HttpMethod.Delete, $"/api/webhooks/{created.Id}");

        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        using var gone = await _admin.SendAsync(HttpMethod.Get, $"/api/webhooks/{created.Id}");
        await gone.ShouldBeProblemAsync(HttpStatusCode.NotFound, Problems.WebhookNotFound);
    }

    [Theory]
    [InlineData("GET", "/api/webhooks")]
    [InlineData("POST", "/api/webhooks")]
    [InlineData("GET", "/api/webhooks/wh_1")]
    public async Task Routes_without_operator_credentials_are_a_401(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = BookingClient.Json("""{"url":"https://example.com"}""") };

        using var response = await shared.Client.Http.SendAsync(request);

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, Problems.Unauthorized);
    }

    private async Task<int> CountAsync()
    {
        using var list = await _admin.SendAsync(HttpMethod.Get, "/api/webhooks");
        return (await list.Content.ReadFromJsonAsync<WebhookListResponse>())!.Webhooks.Count;
    }
}
