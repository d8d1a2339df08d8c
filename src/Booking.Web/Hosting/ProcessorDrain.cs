using Booking.Core.Processing;

namespace Booking.Web.Hosting;

/// <summary>
/// At shutdown, drains the command processors: new commands are refused, queued ones are written, and once the host's
/// shutdown timeout fires the rest are answered "unavailable" (<see cref="BookingProcessors.StopAsync"/>).
/// </summary>
internal sealed class ProcessorDrain(BookingProcessors processors) : IHostedService, IDisposable
{
    private bool _disposed;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // A host may stop services it has already disposed (a test host's dispose does): the processors drained on dispose.
    public Task StopAsync(CancellationToken cancellationToken) => _disposed ? Task.CompletedTask : processors.StopAsync(cancellationToken);

    public void Dispose() => _disposed = true;
}
