using Booking.Web.Tests.DatabaseFaults;
using Booking.Web.Tests.Hosting;
using EventBooking.Migrations;
using EventBooking.Testing.Webhooks;
using EventStore;

namespace Booking.Web.Tests.Webhooks;

/// <summary>
/// Webhook delivery end to end, per provider: the real service delivering to a real receiver (Kestrel, signatures
/// verified with the StandardWebhooks package) that fails and stalls on purpose.
/// </summary>
public abstract partial class WebhookDeliveryContract(StoreProvider provider) : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private TestDatabase _database = null!;

    protected WebhookReceiver Receiver { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        Receiver = await WebhookReceiver.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Receiver.DisposeAsync();
        await _database.DisposeAsync();
    }

    private BookingHost NewHost(IReadOnlyDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>(WebhookAdmin.FastSettings);
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
            settings[key] = value;
        return new BookingHost(_database, settings: settings);
    }

    /// <summary>Three ticketed events of 3 seats, 5 users each booking on all of them at once, two cancelling (a promotion each).</summary>
    private static async Task<long[]> BookAsync(BookingClient client, int users = 5)
    {
        var events = new long[3];
        for (var i = 0; i < events.Length; i++)
            events[i] = await client.NewEventAsync(totalTickets: 3, $"Webhook show {i}");
        await Task.WhenAll(events.SelectMany(e => Enumerable.Range(1, users).Select(async u => (await client.BookAsync(u, e)).Dispose())));
        foreach (var e in events)
        {
            await client.CancelledAsync(1, e);
            await client.CancelledAsync(2, e);
        }

        return events;
    }

    /// <summary>The recorded events a subscription created at <paramref name="from"/> must deliver.</summary>
    private static async Task<List<RecordedEvent>> LogFromAsync(IEventStore store, long from, Func<RecordedEvent, bool>? filter = null) =>
        [.. (await store.ReadAllAsync(from, 100_000)).Where(filter ?? (_ => true))];

    private static Task UntilDeliveredAsync(WebhookReceiver.Endpoint endpoint, List<RecordedEvent> expected) =>
        Eventually.HoldsAsync(
            () => Task.FromResult(expected.All(e => endpoint.Accepted.Any(d => d.WebhookId == e.EventId.ToString("D")))),
            Deadline, $"delivery of {expected.Count} events");

    private static async Task UntilFailingAsync(WebhookAdmin admin, string id) =>
        await Eventually.HoldsAsync(async () => (await admin.GetAsync(id)).Status == "failing", Deadline, $"subscription {id} failing");

    private static void ShouldHaveDeliveredInOrder(WebhookReceiver.Endpoint endpoint, List<RecordedEvent> expected)
    {
        var (delivered, _, lost) = DeliveryChecks.Count([.. expected.Select(e => e.EventId.ToString("D"))], endpoint.Accepted);
        lost.ShouldBe(0);
        delivered.ShouldBe(expected.Count);
        DeliveryChecks.OrderProblems(endpoint.Accepted).ShouldBeEmpty();
        endpoint.OverlappingNodes.ShouldBe(0, "two nodes had deliveries of one subscription in flight at once");
        endpoint.OverlappingPerTicketedEvent.ShouldBe(0, "two deliveries of one ticketed event were in flight at once");
        endpoint.BadSignatureCount.ShouldBe(0);
    }
}
