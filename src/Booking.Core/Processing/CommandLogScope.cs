using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Booking.Core.Processing;

/// <summary>
/// While a processor logs one command's outcome: that command's request activity is current (so the line carries the
/// request's trace and span ids) and its correlation id is in the logging scope. Disposing restores the processor's.
/// </summary>
internal readonly struct CommandLogScope : IDisposable
{
    private readonly Activity? _previous;
    private readonly IDisposable? _scope;

    public CommandLogScope(ILogger logger, QueuedCommand command)
    {
        _previous = Activity.Current;
        Activity.Current = command.Activity;
        _scope = logger.BeginScope(new KeyValuePair<string, object?>[] { new("CorrelationId", command.CorrelationId) });
    }

    public void Dispose()
    {
        _scope?.Dispose();
        Activity.Current = _previous;
    }
}
