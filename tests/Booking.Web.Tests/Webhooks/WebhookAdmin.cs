using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Booking.Web.Tests.Hosting;
using Booking.Web.Webhooks;

namespace Booking.Web.Tests.Webhooks;

/// <summary>The operator's webhook routes, with the test host's credentials.</summary>
public sealed class WebhookAdmin(HttpClient http)
{
    /// <summary>Short back-off, time-outs and leases, so that retries, failures and take-overs happen within a test.</summary>
    public static readonly IReadOnlyDictionary<string, string?> FastSettings = new Dictionary<string, string?>
    {
        ["Webhooks:MaxAttempts"] = "4",
        ["Webhooks:FirstRetryDelay"] = "00:00:00.050",
        ["Webhooks:MaxRetryDelay"] = "00:00:00.200",
        ["Webhooks:AttemptTimeout"] = "00:00:00.500",
        ["Webhooks:LeaseDuration"] = "00:00:02",
        ["Webhooks:PollInterval"] = "00:00:00.100",
        ["Webhooks:CheckpointInterval"] = "00:00:00.100",
        ["Webhooks:MaxParallelDeliveries"] = "4",
    };

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = json is null ? null : BookingClient.Json(json) };
        request.Headers.Authorization = BookingClient.Credentials();
        return http.SendAsync(request);
    }

    public async Task<WebhookCreatedResponse> CreateAsync(string url, string[]? types = null, long? eventId = null)
    {
        using var response = await SendAsync(HttpMethod.Post, "/api/webhooks", JsonSerializer.Serialize(new { url, types, eventId }));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<WebhookCreatedResponse>())!;
    }

    public async Task<WebhookResponse> GetAsync(string id)
    {
        using var response = await SendAsync(HttpMethod.Get, $"/api/webhooks/{id}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<WebhookResponse>())!;
    }

    public async Task<WebhookResponse> ReplayAsync(string id, long fromPosition)
    {
        using var response = await SendAsync(HttpMethod.Post, $"/api/webhooks/{id}/replay", JsonSerializer.Serialize(new { fromPosition }));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<WebhookResponse>())!;
    }
}
