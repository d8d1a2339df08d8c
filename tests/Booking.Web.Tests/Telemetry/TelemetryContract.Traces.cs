using System.Diagnostics;
using System.Net;
using Booking.Web.Hosting.Telemetry;
using Booking.Web.Tests.Hosting;
using EventBooking.Migrations;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace Booking.Web.Tests.Telemetry;

public abstract partial class TelemetryContract
{
    // Tracing is on only with an OTLP endpoint; here the host's own sources go to an in-memory exporter instead.
    [Fact]
    public async Task A_booking_is_traced_from_its_request_through_the_processor_to_the_database()
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        await using var host = new BookingHost(database);
        var exported = new List<Activity>();
        using var factory = host.WithWebHostBuilder(b => b.ConfigureTestServices(s => s
            .AddOpenTelemetry().WithTracing(t => t.AddBookingSources().AddInMemoryExporter(exported))));
        var client = new BookingClient(factory.CreateClient());
        var eventId = await client.NewEventAsync(totalTickets: 1);
        var trace = Traceparent.New();

        using var response = await client.Http.SendAsync(Traceparent.Post("/api/events/book", BookingClient.BookingBody(1, eventId), trace, Guid.CreateVersion7()));

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        // The answer can reach the client before the batch's span ends: wait for both.
        var spans = await SpansOfAsync(exported, trace, s => s.Any(a => a.Source.Name == "Microsoft.AspNetCore") && s.Any(a => a.Source.Name == "EventBooking"));
        var request = spans.Where(a => a.Source.Name == "Microsoft.AspNetCore").ShouldHaveSingleItem();
        var batch = spans.Where(a => a.Source.Name == "EventBooking").ShouldHaveSingleItem();
        batch.ParentSpanId.ShouldBe(request.SpanId);
        if (Provider == StoreProvider.MySql)
            spans.Where(a => a.Source.Name == "MySqlConnector").ShouldNotBeEmpty("MySqlConnector's commands are children of the batch");
    }

    // Every host in the process feeds the exporter (activity listeners are global): keep this trace's spans only.
    private static async Task<IReadOnlyList<Activity>> SpansOfAsync(List<Activity> exported, Traceparent trace, Func<IReadOnlyList<Activity>, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            List<Activity> spans;
            lock (exported)
                spans = [.. exported.Where(a => a.TraceId == trace.TraceId)];
            if (done(spans) || DateTime.UtcNow > deadline)
                return spans;
            await Task.Delay(50);
        }
    }
}
