using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Booking.Core.Serialization;
using Booking.Reliability.Tests.Histories;
using Booking.Reliability.Tests.Service;
using EventBooking.Migrations;
using EventBooking.Testing.Processes;
using EventBooking.Testing.Webhooks;
using EventStore.MySql;
using Xunit.Abstractions;

namespace Booking.Reliability.Tests.Webhooks;

/// <summary>
/// Issue #14: the service delivering webhooks to a real receiver under booking load, killed with SIGKILL in the middle
/// of deliveries and started again. The checkpoint is durable: nothing is lost; what was delivered after the last
/// checkpoint before a kill is delivered again (the receiver dedupes by webhook-id).
/// </summary>
public sealed class WebhookKillTests(ITestOutputHelper output)
{
    private const int Kills = 3;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    private static readonly Dictionary<string, string> FastWebhooks = new(StringComparer.Ordinal)
    {
        ["Webhooks__MaxAttempts"] = "20",
        ["Webhooks__FirstRetryDelay"] = "00:00:00.050",
        ["Webhooks__MaxRetryDelay"] = "00:00:00.500",
        ["Webhooks__AttemptTimeout"] = "00:00:02",
        ["Webhooks__LeaseDuration"] = "00:00:02",
        ["Webhooks__PollInterval"] = "00:00:00.100",
        ["Webhooks__CheckpointInterval"] = "00:00:00.250",
    };

    [Fact]
    public async Task Deliver_while_the_service_is_killed_3_times_mid_delivery_loses_nothing()
    {
        var clock = Stopwatch.StartNew();
        await using var database = await TestDatabase.CreateAsync(StoreProvider.MySql, "webhook_kill");
        var connectionString = database.ConnectionString;
        await using var receiver = await WebhookReceiver.StartAsync();
        var environment = BookingService.Environment(connectionString);
        foreach (var (key, value) in FastWebhooks)
            environment[key] = value;
        await using var service = ServiceProcess.Start(BookingService.Dll, environment);
        await service.WaitUntilReadyAsync(BookingService.StartTimeout);
        using var client = new RecordingClient([service.BaseAddress]);

        var (id, secret) = await SubscribeAsync(service, receiver.UrlOf("kill"));
        // A few milliseconds per answer keeps deliveries in flight when the kill comes.
        var endpoint = receiver.Expect("kill", secret, new ReceiverBehaviour(Delay: TimeSpan.FromMilliseconds(3)));
        var store = new MySqlEventStore(connectionString, BookingEventTypes.CreateMap());
        var from = (await SubscriptionAsync(service, id)).GetProperty("position").GetInt64();
        List<long> events = [];
        for (var i = 0; i < 4; i++)
            events.Add(await client.InitializeAsync($"webhook-kill-{i}", tickets: 20));

        using var stop = new CancellationTokenSource();
        var load = new BookingLoad(client, events, seed: 20_261_201).RunAsync(clients: 8, cancelShare: 0.3, maxBooks: 1_500, stop.Token);
        var killedWithDeliveriesBehind = 0;
        for (var kill = 1; kill <= Kills; kill++)
        {
            var accepted = endpoint.Accepted.Count;
            await Eventually(() => Task.FromResult(endpoint.Accepted.Count > accepted + 20), "deliveries before a kill");
            var logged = (await store.ReadAllAsync(from, 1_000_000)).Count;
            killedWithDeliveriesBehind += endpoint.Accepted.Select(d => d.WebhookId).Distinct().Count() < logged ? 1 : 0;
            service.Kill();
            await Task.Delay(300);
            await service.RestartAsync();
            await service.WaitUntilReadyAsync(BookingService.StartTimeout);
        }

        await load;
        var expected = (await store.ReadAllAsync(from, 1_000_000)).Select(e => e.EventId.ToString("D")).ToList();
        await Eventually(() => Task.FromResult(expected.All(e => endpoint.Accepted.Any(d => d.WebhookId == e))), "every event delivered");

        var (delivered, repeated, lost) = DeliveryChecks.Count(expected, endpoint.Accepted);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Kills} kills -9 of the service mid-delivery ({killedWithDeliveriesBehind} with the receiver behind the log), {service.Starts} starts, {client.Acknowledged} bookings acknowledged, {clock.Elapsed.TotalSeconds:0} s"));
        output.WriteLine($"webhook deliveries: {expected.Count} events in the log, delivered {delivered}, repeated {repeated}, lost {lost}");
        lost.ShouldBe(0);
        delivered.ShouldBe(expected.Count);
        DeliveryChecks.OrderProblems(endpoint.Accepted).ShouldBeEmpty();
        endpoint.OverlappingNodes.ShouldBe(0, "the restarted service delivered while the killed one's deliveries were in flight");
        endpoint.BadSignatureCount.ShouldBe(0);
        DeliveryChecks.NodeRuns(endpoint.Attempts).Count.ShouldBe(Kills + 1, "each start delivers under its own node id, one after the other");
    }

    private static async Task<(string Id, string Secret)> SubscribeAsync(ServiceProcess service, string url)
    {
        using var http = Admin(service);
        using var response = await http.PostAsJsonAsync("/api/webhooks", new { url });
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue(body);
        using var json = JsonDocument.Parse(body);
        return (json.RootElement.GetProperty("id").GetString()!, json.RootElement.GetProperty("secret").GetString()!);
    }

    private static async Task<JsonElement> SubscriptionAsync(ServiceProcess service, string id)
    {
        using var http = Admin(service);
        return await http.GetFromJsonAsync<JsonElement>($"/api/webhooks/{id}");
    }

    private static HttpClient Admin(ServiceProcess service)
    {
        var http = new HttpClient { BaseAddress = service.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{BookingService.Username}:{BookingService.Password}")));
        return http;
    }

    private static async Task Eventually(Func<Task<bool>> condition, string what)
    {
        var until = DateTime.UtcNow + Deadline;
        while (!await condition())
        {
            if (DateTime.UtcNow > until)
                throw new ShouldAssertException($"{what} did not happen within {Deadline.TotalSeconds} s.");
            await Task.Delay(50);
        }
    }
}
