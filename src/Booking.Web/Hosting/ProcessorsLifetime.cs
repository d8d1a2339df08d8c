using Booking.Core.Processing;
using Booking.Core.Serialization;
using Booking.Core.TicketedEvents;
using EventStore;

namespace Booking.Web.Hosting;

/// <summary>
/// Migrates the store at start-up (if configured), warms the processors of recently active ticketed events,
/// and drains the command processors at shutdown.
/// </summary>
/// <remarks>
/// An unreachable database does not stop the service from starting: the first migration attempt runs before the
/// host listens (so a reachable database is migrated before the first request), and if it fails the attempts go on
/// in the background with capped exponential back-off until one succeeds. Meanwhile <see cref="StoreReadiness"/>
/// keeps the API at 503 and /health/ready failing; once migrated, the service is ready by itself.
/// </remarks>
internal sealed partial class ProcessorsLifetime(
    BookingProcessors processors, IEventStore store, ProcessorOptions options, StoreSettings settings, StoreReadiness readiness,
    MigrationRetry retry, ILogger<ProcessorsLifetime> logger)
    : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _migrating = Task.CompletedTask;
    private bool _disposed;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        LogStore(settings.Describe());
        if (!settings.MigrateOnStartup)
            readiness.MarkMigrated();
        else if (!TryMigrate(attempt: 1, retry.FirstDelay))
        {
            _migrating = Task.Run(() => MigrateUntilDoneAsync(_stopping.Token), CancellationToken.None);
            return;
        }

        await WarmUpAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // A host may stop services it has already disposed (a test host's dispose does): nothing is left to drain.
        if (_disposed)
            return;
        await _stopping.CancelAsync();
        try
        {
            await _migrating.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // A migration attempt still waiting for the database: it cannot be cancelled and changes nothing we drain.
        }

        await processors.StopAsync(cancellationToken);
    }

    public void Dispose()
    {
        _disposed = true;
        _stopping.Dispose();
    }

    private async Task MigrateUntilDoneAsync(CancellationToken stopping)
    {
        var delay = retry.FirstDelay;
        for (var attempt = 2; ; attempt++)
        {
            try
            {
                await Task.Delay(delay, stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, retry.MaxDelay.Ticks));
            if (!stopping.IsCancellationRequested && TryMigrate(attempt, delay))
                break;
        }

        await WarmUpAsync(stopping);
    }

    private bool TryMigrate(int attempt, TimeSpan nextDelay)
    {
        try
        {
            foreach (var migration in StoreSetup.Migrate(settings))
                LogMigrated(migration);
            readiness.MarkMigrated();
            if (attempt > 1)
                LogMigratedAfterRetries(attempt);
            return true;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogMigrationFailed(e, attempt, nextDelay.TotalSeconds);
            return false;
        }
    }

    // The most recently active ticketed events get their processors (and so the debug cache) back after a restart.
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
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException or OperationCanceledException)
        {
            LogWarmUpFailed(e);
        }
    }

    [LoggerMessage(LogLevel.Information, "Event store: {Store}")]
    private partial void LogStore(string store);

    [LoggerMessage(LogLevel.Warning, "Warming up the processors failed; they will load on first use")]
    private partial void LogWarmUpFailed(Exception error);

    [LoggerMessage(LogLevel.Information, "Applied migration {Migration}")]
    private partial void LogMigrated(string migration);

    [LoggerMessage(LogLevel.Error, "Migrating the store failed (attempt {Attempt}); the service answers 503 and tries again in {DelaySeconds} s")]
    private partial void LogMigrationFailed(Exception error, int attempt, double delaySeconds);

    [LoggerMessage(LogLevel.Information, "The store is migrated after {Attempts} attempts; the service is ready")]
    private partial void LogMigratedAfterRetries(int attempts);
}
