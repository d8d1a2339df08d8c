using Booking.Core.Processing;
using Booking.Core.Serialization;
using Booking.Core.TicketedEvents;
using EventStore;

namespace Booking.Web.Hosting;

/// <summary>
/// Migrates the store at start-up (if configured), warms the processors of recently active ticketed events,
/// and drains the command processors at shutdown.
/// </summary>
internal sealed partial class ProcessorsLifetime(
    BookingProcessors processors, IEventStore store, ProcessorOptions options, StoreSettings settings, ILogger<ProcessorsLifetime> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        LogStore(settings.Describe());
        if (settings.MigrateOnStartup)
        {
            foreach (var migration in StoreSetup.Migrate(settings))
                LogMigrated(migration);
        }

        // The most recently active ticketed events get their processors (and so the debug cache) back after a restart.
        // A failure here only costs the first requests a load, so it must not stop the service from starting.
        if (options.WarmUpCount > 0)
        {
            try
            {
                var recent = await store.ListDocumentsAsync<TicketedEventStatus>(BookingEventTypes.StatusProjection, options.WarmUpCount, cancellationToken);
                processors.WarmUp(recent.Select(d => d.Document.EventId));
            }
            catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
            {
                LogWarmUpFailed(e);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => processors.StopAsync(cancellationToken);

    [LoggerMessage(LogLevel.Information, "Event store: {Store}")]
    private partial void LogStore(string store);

    [LoggerMessage(LogLevel.Warning, "Warming up the processors failed; they will load on first use")]
    private partial void LogWarmUpFailed(Exception error);

    [LoggerMessage(LogLevel.Information, "Applied migration {Migration}")]
    private partial void LogMigrated(string migration);
}
