using System.Net;
using Booking.Web.Api;
using Booking.Web.Tests.Hosting;
using Booking.Web.Tests.Reliability;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace Booking.Web.Tests.Bugs;

/// <summary>
/// On Kestrel, a chunked body over the size limit was answered 413, but the exception it raised passed through the request
/// logging on its way to the exception handler, which logged "responded 500" at Error with a stack trace. The handler
/// now answers it itself, so nothing is logged as an error.
/// </summary>
public sealed class OversizedChunkedBodyWasLoggedAsA500
{
    [Fact]
    public async Task Initialize_with_an_oversized_chunked_body_returns_413_and_logs_no_error()
    {
        var sink = new CollectingSink();
        await using var server = await KestrelHost.StartAsync(new Dictionary<string, string?>(), services: s => s.AddSingleton<ILogEventSink>(sink));
        var body = $$"""{"eventName": "{{new string('n', 20_000)}}", "totalTickets": 1}""";
        using var content = new UnknownLengthContent(System.Text.Encoding.UTF8.GetBytes(body)) { Headers = { { "Content-Type", "application/json" } } };

        using var response = await server.Http.PostAsync("/api/events/initialize", content);

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, Problems.PayloadTooLarge);
        sink.Events.ShouldNotContain(e => e.Level >= LogEventLevel.Error, string.Join("\n", sink.Events.Select(e => e.RenderMessage(null))));
    }

    private sealed class CollectingSink : ILogEventSink
    {
        private readonly List<LogEvent> _events = [];

        public IReadOnlyList<LogEvent> Events
        {
            get
            {
                lock (_events)
                    return [.. _events];
            }
        }

        public void Emit(LogEvent logEvent)
        {
            lock (_events)
                _events.Add(logEvent);
        }
    }
}
