namespace Booking.Web.Hosting;

/// <summary>
/// What a start-up step leaves running after the host has started (migration retries, a warm-up that waits for them):
/// cancelled and awaited when the host stops, for as long as the host's stop allows.
/// </summary>
internal sealed class BackgroundWork : IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _running = Task.CompletedTask;
    private bool _disposed;

    public void Start(Func<CancellationToken, Task> work) => _running = Task.Run(() => work(_stopping.Token), CancellationToken.None);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // A host may stop services it has already disposed (a test host's dispose does): nothing is left to stop.
        if (_disposed)
            return;
        await _stopping.CancelAsync();
        try
        {
            await _running.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Stopped while waiting (for the database, or for the store to be migrated): it changes nothing the drain needs.
        }
    }

    public void Dispose()
    {
        _disposed = true;
        _stopping.Dispose();
    }
}
