using System.Net;
using System.Text.Json;
using Booking.Web.Api;
using Booking.Web.Hosting;
using Booking.Web.Tests.Hosting;

namespace Booking.Web.Tests.DatabaseFaults;

/// <summary>What a client sees while the database is away, and how it learns that the service is back.</summary>
public static class OutageAssertions
{
    public static readonly TimeSpan RecoveryDeadline = TimeSpan.FromSeconds(30);

    /// <summary>503 problem details of the "unavailable" type with a Retry-After of at least a second.</summary>
    public static async Task ShouldBeUnavailableAsync(this HttpResponseMessage response)
    {
        await response.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, Problems.Unavailable);
        response.Headers.RetryAfter?.Delta.ShouldNotBeNull("a 503 says when to retry");
        response.Headers.RetryAfter!.Delta!.Value.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1));
    }

    public static async Task<(HttpStatusCode Status, string Health)> HealthAsync(this BookingClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/json", body);
        return (response.StatusCode, JsonDocument.Parse(body).RootElement.GetProperty("status").GetString()!);
    }

    public static async Task ShouldBeLiveAsync(this BookingClient client) =>
        (await client.HealthAsync(StoreHealth.LivePath)).ShouldBe((HttpStatusCode.OK, "Healthy"));

    public static async Task ShouldNotBeReadyAsync(this BookingClient client) =>
        (await client.HealthAsync(StoreHealth.ReadyPath)).ShouldBe((HttpStatusCode.ServiceUnavailable, "Unhealthy"));

    public static Task BecomesReadyAsync(this BookingClient client) =>
        Eventually.HoldsAsync(async () => (await client.HealthAsync(StoreHealth.ReadyPath)).Status == HttpStatusCode.OK, RecoveryDeadline, "/health/ready answering 200");
}
