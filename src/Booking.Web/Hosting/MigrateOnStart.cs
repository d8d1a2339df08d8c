namespace Booking.Web.Hosting;

/// <summary>
/// Applies the store's pending migrations when the service starts (EventStore:MigrateOnStartup) and marks the store
/// ready (<see cref="StoreReadiness"/>) once they ran; with migrating switched off, the store is ready at once.
/// </summary>
/// <remarks>
/// An unreachable database does not stop the service from starting: the first attempt runs before the host listens
/// (so a reachable database is migrated before the first request), and if it fails the attempts go on in the
/// background with capped exponential back-off (<see cref="MigrationRetry"/>) until one succeeds. Meanwhile the API
/// answers 503 and /health/ready fails; once migrated, the service is ready by itself.
/// </remarks>
internal sealed partial class MigrateOnStart(StoreSettings settings, StoreReadiness readiness, MigrationRetry retry, ILogger<MigrateOnStart> logger)
    : IHostedService, IDisposable
{
    private readonly BackgroundWork _retrying = new();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        LogStore(settings.Describe());
        if (!settings.MigrateOnStartup)
            readiness.MarkMigrated();
        else if (!TryMigrate(attempt: 1, retry.FirstDelay))
            _retrying.Start(MigrateUntilDoneAsync);
        return Task.CompletedTask;
    }

    // A migration attempt still waiting for the database cannot be cancelled; it changes nothing the drain needs.
    public Task StopAsync(CancellationToken cancellationToken) => _retrying.StopAsync(cancellationToken);

    public void Dispose() => _retrying.Dispose();

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
                return;
        }
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

    [LoggerMessage(LogLevel.Information, "Event store: {Store}")]
    private partial void LogStore(string store);

    [LoggerMessage(LogLevel.Information, "Applied migration {Migration}")]
    private partial void LogMigrated(string migration);

    [LoggerMessage(LogLevel.Error, "Migrating the store failed (attempt {Attempt}); the service answers 503 and tries again in {DelaySeconds} s")]
    private partial void LogMigrationFailed(Exception error, int attempt, double delaySeconds);

    [LoggerMessage(LogLevel.Information, "The store is migrated after {Attempts} attempts; the service is ready")]
    private partial void LogMigratedAfterRetries(int attempts);
}
