using System.Net;
using System.Text.Json;
using Booking.Web.Tests.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace Booking.Web.Tests.Telemetry;

public abstract partial class TelemetryContract
{
    private static readonly Dictionary<string, string?> InformationLogs = new() { ["Serilog:MinimumLevel:Default"] = "Information" };

    // The defect: a processor's loop inherited the context of the request that created it (here the initialize), so
    // every later line of that ticketed event carried the initialize's trace id, request id and path.
    [Fact]
    public async Task Two_concurrent_bookings_on_one_ticketed_event_are_logged_with_their_own_trace_and_correlation_ids()
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        await using var host = new BookingHost(database, settings: InformationLogs);
        var logs = new LogCapture();
        using var factory = WithSink(host, logs);
        var client = new BookingClient(factory.CreateClient());
        var initialize = Traceparent.New();
        using var created = await client.Http.SendAsync(Traceparent.Post("/api/events/initialize", """{"eventName":"Duet","totalTickets":1}""", initialize, Guid.CreateVersion7()));
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var eventId = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("eventId").GetInt64();
        (Traceparent Trace, Guid Correlation)[] bookings = [(Traceparent.New(), Guid.CreateVersion7()), (Traceparent.New(), Guid.CreateVersion7())];

        var responses = await Task.WhenAll(bookings.Select((b, i) =>
            client.Http.SendAsync(Traceparent.Post("/api/events/book", BookingClient.BookingBody(i + 1, eventId), b.Trace, b.Correlation))));

        responses.Select(r => r.StatusCode).ShouldAllBe(status => status == HttpStatusCode.Created);
        for (var i = 0; i < bookings.Length; i++)
        {
            var line = logs.Containing($"user {i + 1}").Where(e => e.Scalar("TicketedEventId") == eventId.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .ShouldHaveSingleItem($"one Booked or Waitlisted line for user {i + 1}");
            line.TraceId.ShouldBe(bookings[i].Trace.TraceId);
            line.Scalar("CorrelationId").ShouldBe(bookings[i].Correlation.ToString());
            line.Properties.ShouldNotContainKey("RequestPath", "the processor's lines carry no request's path: the request log line does");
        }

        var stored = await host.ReadStreamAsync(eventId);
        stored.Skip(1).Select(e => e.CorrelationId).OrderBy(id => id).ShouldBe(bookings.Select(b => (Guid?)b.Correlation).OrderBy(id => id));
        logs.Events.Where(e => e.TraceId == initialize.TraceId).ShouldAllBe(e => !e.RenderMessage(null).Contains("user", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cancel_promoting_a_waiting_user_and_its_replay_are_logged_with_the_cancels_trace_ids()
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        await using var host = new BookingHost(database, settings: InformationLogs);
        var logs = new LogCapture();
        using var factory = WithSink(host, logs);
        var client = new BookingClient(factory.CreateClient());
        var eventId = await client.NewEventAsync(totalTickets: 1);
        await client.BookedAsync(1, eventId);
        await client.BookedAsync(2, eventId);
        var (cancel, replay, correlation) = (Traceparent.New(), Traceparent.New(), Guid.CreateVersion7());

        foreach (var trace in new[] { cancel, replay })
        {
            using var request = Traceparent.Post("/api/events/cancel", BookingClient.BookingBody(1, eventId), trace, correlation);
            request.Headers.Add("Idempotency-Key", $"cancel-{eventId}");
            using var response = await client.Http.SendAsync(request);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        LogEvent[] processed = [logs.Containing("Cancelled booking of user 1").ShouldHaveSingleItem(), logs.Containing("Promoted user 2").ShouldHaveSingleItem()];
        processed.ShouldAllBe(e => e.TraceId == cancel.TraceId && e.Scalar("CorrelationId") == correlation.ToString());
        var replayed = logs.Containing("Replayed the stored answer").Where(e => e.Scalar("IdempotencyKey") == $"cancel-{eventId}").ShouldHaveSingleItem();
        replayed.TraceId.ShouldBe(replay.TraceId);
        replayed.Scalar("CorrelationId").ShouldBe(correlation.ToString());
    }

    private static WebApplicationFactory<Program> WithSink(BookingHost host, LogCapture logs) =>
        host.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<ILogEventSink>(logs)));
}
