using System.Data.Common;
using Booking.Core.Processing;
using Booking.Core.Serialization;
using Booking.Core.TicketedEvents;
using EventStore;

namespace Booking.Web.Hosting;

/// <summary>
/// Once the store is migrated, starts the processors of the most recently active ticketed events
/// (Processing:WarmUpCount), so after a restart they (and the debug cache) hold their state before the first command.
/// Migrated at start-up, that happens before the host listens; migrated later (the database was down), right then.
/// </summary>
internal sealed partial class ProcessorWarmUp(
    BookingProcessors processors, IEventStore store, ProcessorOptions options, StoreReadiness readiness, ILogger<ProcessorWarmUp> logger)
    : IHostedService, IDisposable
{
    private readonly BackgroundWork _waiting = new();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (readiness.IsMigrated)
            await WarmUpAsync(cancellationToken);
        else
            _waiting.Start(WarmUpOnceMigratedAsync);
    }

    public Task StopAsync(CancellationToken cancellationToken) => _waiting.StopAsync(cancellationToken);

    public void Dispose() => _waiting.Dispose();

    private async Task WarmUpOnceMigratedAsync(CancellationToken stopping)
    {
        await readiness.Migrated.WaitAsync(stopping);
        await WarmUpAsync(stopping);
    }

    // A failure here only costs the first requests a load, so it must not stop the service from starting.
    private async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        if (options.WarmUpCount <= 0)
            return;
        try
        {
            var recent = await store.ListDocumentsAsync<TicketedEventStatus>(BookingEventTypes.StatusProjection, options.WarmUpCount, cancellationToken);
            processors.WarmUp(recent.Select(d => d.Document.EventId));
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or TimeoutException or OperationCanceledException)
        {
            LogWarmUpFailed(e);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Warming up the processors failed; they will load on first use")]
    private partial void LogWarmUpFailed(Exception error);
}
