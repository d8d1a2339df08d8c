using EventBooking.Testing.Webhooks;

namespace Booking.Web.Tests.Webhooks;

public abstract partial class WebhookDeliveryContract
{
    [Fact]
    public async Task Deliver_by_two_hosts_over_one_database_never_delivers_one_subscription_from_both_and_hands_over_when_one_stops()
    {
        var first = NewHost(new Dictionary<string, string?> { ["Webhooks:NodeId"] = "host-a" });
        await using var second = NewHost(new Dictionary<string, string?> { ["Webhooks:NodeId"] = "host-b" });
        var admin = new WebhookAdmin(first.CreateClient());
        _ = second.CreateClient();
        var head = await first.Store.ReadHeadPositionAsync();
        var names = new[] { "shared-1", "shared-2", "shared-3", "shared-4" };
        var endpoints = new List<WebhookReceiver.Endpoint>();
        foreach (var name in names)
        {
            var webhook = await admin.CreateAsync(Receiver.UrlOf(name));
            // Slow answers keep deliveries in flight, so that two holders would overlap if they could.
            endpoints.Add(Receiver.Expect(name, webhook.Secret, new ReceiverBehaviour(Delay: TimeSpan.FromMilliseconds(20))));
        }

        await BookAsync(first.CreateBookingClient());
        var phaseOne = await LogFromAsync(first.Store, head + 1);
        foreach (var endpoint in endpoints)
            await UntilDeliveredAsync(endpoint, phaseOne);

        // The holder of each stops (with its lease); the other host takes over and delivers what comes next.
        await first.DisposeAsync();
        await BookAsync(second.CreateBookingClient());
        var all = await LogFromAsync(second.Store, head + 1);
        foreach (var endpoint in endpoints)
            await UntilDeliveredAsync(endpoint, all);

        foreach (var (name, endpoint) in names.Zip(endpoints))
        {
            ShouldHaveDeliveredInOrder(endpoint, all);
            var runs = DeliveryChecks.NodeRuns(endpoint.Attempts);
            runs.Count.ShouldBeLessThanOrEqualTo(2, $"{name}: delivered by {string.Join(" then ", runs)}");
            runs[^1].ShouldBe("host-b", name);
        }
    }
}
