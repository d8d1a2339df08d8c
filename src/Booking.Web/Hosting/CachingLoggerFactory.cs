using System.Collections.Concurrent;

namespace Booking.Web.Hosting;

/// <summary>
/// An <see cref="ILoggerFactory"/> that makes each category's logger once and hands out that one, as
/// Microsoft.Extensions.Logging's own factory does. A provider added later clears what was made, so that the
/// loggers made after it write to it too.
/// </summary>
internal sealed class CachingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    private readonly ConcurrentDictionary<string, ILogger> _loggers = new(StringComparer.Ordinal);

    public ILogger CreateLogger(string categoryName) =>
        _loggers.GetOrAdd(categoryName, static (name, factory) => factory.CreateLogger(name), inner);

    public void AddProvider(ILoggerProvider provider)
    {
        inner.AddProvider(provider);
        _loggers.Clear();
    }

    public void Dispose() => inner.Dispose();
}
