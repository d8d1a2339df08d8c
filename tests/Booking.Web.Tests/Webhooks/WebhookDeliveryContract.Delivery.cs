using System.Globalization;
using Booking.Core.TicketedEvents;
using Booking.Web.Tests.DatabaseFaults;
using Booking.Web.Tests.Telemetry;
using EventBooking.Testing.Webhooks;

namespace Booking.Web.Tests.Webhooks;

public abstract partial class WebhookDeliveryContract
{
    [Fact]
    public async Task Deliver_sends_every_event_signed_in_order_per_ticketed_event()
    {
        await using var host = NewHost();
        var admin = new WebhookAdmin(host.CreateClient());
        var head = await host.Store.ReadHeadPositionAsync();
        var webhook = await admin.CreateAsync(Receiver.UrlOf("all"));
        var endpoint = Receiver.Expect("all", webhook.Secret);

        await BookAsync(host.CreateBookingClient());

        var expected = await LogFromAsync(host.Store, head + 1);
        await UntilDeliveredAsync(endpoint, expected);
        ShouldHaveDeliveredInOrder(endpoint, expected);
        webhook.Secret.ShouldStartWith("whsec_");
        var first = endpoint.Accepted.First(d => d.Type == TicketedEventEventTypes.Booked);
        var recorded = expected.Single(e => e.EventId.ToString("D") == first.WebhookId);
        first.EventId.ShouldBe(TicketedEventId.FromStreamId(recorded.StreamId)!.Value.Value);
        first.Version.ShouldBe(recorded.Version);
        first.Position.ShouldBe(recorded.Position);
        first.UserId.ShouldBe(((TicketBooked)recorded.Data).UserId.Value);
        first.Data.GetProperty("userId").GetInt64().ShouldBe(first.UserId!.Value);
        await Eventually.HoldsAsync(async () => (await admin.GetAsync(webhook.Id)).Lag == 0, TimeSpan.FromSeconds(30), "lag 0");
        (await admin.GetAsync(webhook.Id)).Position.ShouldBe(expected[^1].Position + 1);
    }

    [Fact]
    public async Task Deliver_filters_by_type_and_ticketed_event()
    {
        await using var host = NewHost();
        var admin = new WebhookAdmin(host.CreateClient());
        var client = host.CreateBookingClient();
        var head = await host.Store.ReadHeadPositionAsync();
        var other = await client.NewEventAsync(totalTickets: 1);
        var watched = await client.NewEventAsync(totalTickets: 1);
        var webhook = await admin.CreateAsync(Receiver.UrlOf("promotions"), [TicketedEventEventTypes.Promoted], watched);
        var endpoint = Receiver.Expect("promotions", webhook.Secret);

        foreach (var e in new[] { other, watched })
        {
            await client.BookedAsync(1, e);
            await client.BookedAsync(2, e);
            await client.CancelledAsync(1, e);
        }

        var expected = await LogFromAsync(host.Store, head + 1, e => e.EventType == TicketedEventEventTypes.Promoted && e.StreamId == new TicketedEventId(watched).StreamId);
        expected.Count.ShouldBe(1);
        await UntilDeliveredAsync(endpoint, expected);
        await Eventually.HoldsAsync(async () => (await admin.GetAsync(webhook.Id)).Lag == 0, TimeSpan.FromSeconds(30), "lag 0");
        endpoint.Accepted.ShouldAllBe(d => d.Type == TicketedEventEventTypes.Promoted && d.EventId == watched);
        endpoint.Accepted.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Deliver_retries_after_500s_and_time_outs_and_keeps_the_order()
    {
        await using var host = NewHost();
        var admin = new WebhookAdmin(host.CreateClient());
        var head = await host.Store.ReadHeadPositionAsync();
        var webhook = await admin.CreateAsync(Receiver.UrlOf("flaky"));
        // Per message: one answer slower than the 500 ms attempt time-out, then one 500, then 204.
        var endpoint = Receiver.Expect("flaky", webhook.Secret, new ReceiverBehaviour(FailingAttempts: 1, SlowAttempts: 1, SlowAnswer: TimeSpan.FromSeconds(3)));

        await BookAsync(host.CreateBookingClient(), users: 3);

        var expected = await LogFromAsync(host.Store, head + 1);
        await UntilDeliveredAsync(endpoint, expected);
        ShouldHaveDeliveredInOrder(endpoint, expected);
        expected.ShouldAllBe(e => endpoint.AttemptsOf(e.EventId.ToString("D")) >= 3);
        endpoint.AbandonedCount.ShouldBeGreaterThanOrEqualTo(expected.Count, "each message's slow first attempt was timed out by the service");
        (await admin.GetAsync(webhook.Id)).Status.ShouldBe("active");
    }

    [Fact]
    public async Task Deliver_to_a_dead_receiver_marks_only_its_subscription_failing_and_replay_resumes_it()
    {
        await using var host = NewHost();
        var admin = new WebhookAdmin(host.CreateClient());
        var head = await host.Store.ReadHeadPositionAsync();
        var dead = await admin.CreateAsync(Receiver.UrlOf("dead"));
        var healthy = await admin.CreateAsync(Receiver.UrlOf("healthy"));
        var deadEndpoint = Receiver.Expect("dead", dead.Secret, ReceiverBehaviour.Dead);
        var healthyEndpoint = Receiver.Expect("healthy", healthy.Secret);

        await BookAsync(host.CreateBookingClient());

        var expected = await LogFromAsync(host.Store, head + 1);
        await UntilDeliveredAsync(healthyEndpoint, expected);
        ShouldHaveDeliveredInOrder(healthyEndpoint, expected);
        await UntilFailingAsync(admin, dead.Id);
        var failing = await admin.GetAsync(dead.Id);
        failing.LastError.ShouldNotBeNull().ShouldContain("500");
        failing.LastError.ShouldContain("4 attempt(s)");
        failing.Position.ShouldBe(expected[0].Position);
        failing.Lag.ShouldBeGreaterThan(0);
        deadEndpoint.Accepted.ShouldBeEmpty();
        using (var metrics = await host.CreateClient().GetAsync("/metrics"))
        {
            var scrape = new PrometheusText(await metrics.Content.ReadAsStringAsync());
            scrape.Value("eventbooking_webhook_deliveries_total", "outcome=\"failed\"").ShouldBeGreaterThanOrEqualTo(1, scrape.Text);
            scrape.Value("eventbooking_webhook_retries_total").ShouldBeGreaterThanOrEqualTo(3, scrape.Text);
            scrape.Has("eventbooking_webhook_subscriptions_failing").ShouldBeTrue(scrape.Text);
        }

        var attemptsWhenFailing = deadEndpoint.Attempts.Count;
        await Task.Delay(500);
        deadEndpoint.Attempts.Count.ShouldBe(attemptsWhenFailing, "a failing subscription stops");
        (await admin.GetAsync(healthy.Id)).Status.ShouldBe("active");

        deadEndpoint.Behaviour = ReceiverBehaviour.Healthy;
        (await admin.ReplayAsync(dead.Id, failing.Position)).Status.ShouldBe("active");

        await UntilDeliveredAsync(deadEndpoint, expected);
        ShouldHaveDeliveredInOrder(deadEndpoint, expected);
    }

    [Fact]
    public async Task Deliver_with_a_secret_the_receiver_does_not_hold_is_refused_by_its_signature_check()
    {
        await using var host = NewHost();
        var admin = new WebhookAdmin(host.CreateClient());
        var webhook = await admin.CreateAsync(Receiver.UrlOf("wrong-secret"));
        var endpoint = Receiver.Expect("wrong-secret", "whsec_" + Convert.ToBase64String(new byte[32]));

        await host.CreateBookingClient().NewEventAsync(totalTickets: 1);

        await UntilFailingAsync(admin, webhook.Id);
        endpoint.BadSignatureCount.ShouldBeGreaterThanOrEqualTo(4);
        endpoint.Accepted.ShouldBeEmpty();
        (await admin.GetAsync(webhook.Id)).LastError.ShouldNotBeNull().ShouldContain(((int)System.Net.HttpStatusCode.Unauthorized).ToString(CultureInfo.InvariantCulture));
    }
}
