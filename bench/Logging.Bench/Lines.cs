using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Serilog.Events;

namespace Logging.Bench;

/// <summary>
/// The two lines a booking costs the shipped service: the processor's (the same template and level as
/// TicketedEventProcessor.Log.cs, with the correlation id in a scope and the batch's span current) and the request
/// line that Serilog's request logging middleware writes (its template and properties).
/// </summary>
internal static partial class Lines
{
    private const int BatchSize = 32;
    private const string SourceName = "Logging.Bench";
    private static readonly ActivitySource Source = new(SourceName);

    public static void Write(ILogger processor, Serilog.ILogger requests, int bookings)
    {
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        for (var first = 0; first < bookings; first += BatchSize)
        {
            using var batch = Source.StartActivity("process batch");
            for (var user = first; user < Math.Min(bookings, first + BatchSize); user++)
            {
                using (processor.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = Guid.NewGuid() }))
                    Booked(processor, 1, user, 1_000_000 - user);
                requests.Write(LogEventLevel.Information, "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0000} ms", "POST", "/api/events/book", 201, 3.1416);
            }
        }
    }

    [LoggerMessage(LogLevel.Information, "Booked {TicketedEventId} for user {UserId}; {AvailableTickets} left")]
    private static partial void Booked(ILogger logger, long ticketedEventId, long userId, int availableTickets);
}
