using Serilog;
using Serilog.Configuration;
using Serilog.Core;
using Serilog.Events;

namespace Booking.Web.Hosting;

/// <summary>
/// The console's wrapper in appsettings.json (<c>WithoutPerRequestLines</c>): the Information lines written for every
/// request (Serilog's request log) and for every command of a ticketed event (the booking log: booked, waitlisted,
/// cancelled, promoted, ...) go to the rolling JSON file only. The console keeps the service's lifecycle and every
/// warning and error.
/// </summary>
/// <remarks>
/// Under load those lines are two per booking: on the console they cost about as much CPU again as in the file
/// (bench/results/perf-2026-12-01-notes.md), a journal rate-limits them away (journald keeps 10,000 per 30 s by
/// default), and a slow console reader fills the async buffer that the file shares, which then drops lines. The file
/// is the booking log of record, and it is complete. A sink wrapper rather than a sub-logger: a sub-logger copies
/// every event before its filter runs.
/// </remarks>
public static class PerRequestLines
{
    private static readonly string[] Sources = ["Serilog.AspNetCore.RequestLoggingMiddleware", "Booking.Core.Processing."];

    public static LoggerConfiguration WithoutPerRequestLines(
        this LoggerSinkConfiguration writeTo, Action<LoggerSinkConfiguration> configure, LogEventLevel restrictedToMinimumLevel = LevelAlias.Minimum) =>
        writeTo.Sink(LoggerSinkConfiguration.Wrap(sink => new Excluding(sink), configure), restrictedToMinimumLevel);

    /// <summary>An Information (or lower) line of the request log or of a ticketed event's processor.</summary>
    public static bool IsPerRequest(LogEvent logEvent)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        return logEvent.Level <= LogEventLevel.Information
            && logEvent.Properties.TryGetValue("SourceContext", out var value) && value is ScalarValue { Value: string source }
            && Sources.Any(prefix => source.StartsWith(prefix, StringComparison.Ordinal));
    }

    private sealed class Excluding(ILogEventSink inner) : ILogEventSink, IDisposable
    {
        public void Emit(LogEvent logEvent)
        {
            if (!IsPerRequest(logEvent))
                inner.Emit(logEvent);
        }

        public void Dispose() => (inner as IDisposable)?.Dispose();
    }
}
