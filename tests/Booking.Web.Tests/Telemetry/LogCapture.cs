using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace Booking.Web.Tests.Telemetry;

/// <summary>A Serilog sink the host writes to (registered as a service, read by ReadFrom.Services): every event, kept.</summary>
internal sealed class LogCapture : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public IReadOnlyList<LogEvent> Events => [.. _events];

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

    /// <summary>Lines whose rendered message contains <paramref name="text"/>.</summary>
    public IReadOnlyList<LogEvent> Containing(string text) =>
        [.. _events.Where(e => e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture).Contains(text, StringComparison.Ordinal))];
}

internal static class LogEventProperties
{
    public static string? Scalar(this LogEvent logEvent, string name) =>
        logEvent.Properties.TryGetValue(name, out var value) && value is ScalarValue { Value: var scalar } ? scalar?.ToString() : null;
}
