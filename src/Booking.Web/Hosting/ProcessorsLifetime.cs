using Booking.Core.Processing;

namespace Booking.Web.Hosting;

/// <summary>Migrates the store at start-up (if configured) and drains the command processors at shutdown.</summary>
internal sealed partial class ProcessorsLifetime(
    BookingProcessors processors, StoreSettings settings, ILogger<ProcessorsLifetime> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        LogStore(settings.Describe());
        if (settings.MigrateOnStartup)
        {
            foreach (var migration in StoreSetup.Migrate(settings))
                LogMigrated(migration);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => processors.StopAsync(cancellationToken);

    [LoggerMessage(LogLevel.Information, "Event store: {Store}")]
    private partial void LogStore(string store);

    [LoggerMessage(LogLevel.Information, "Applied migration {Migration}")]
    private partial void LogMigrated(string migration);
}
