namespace Http.Bench.Service;

/// <summary>
/// Samples the service's resident set every 100 ms. The kernel's own peak (VmHWM) covers the whole process life;
/// the sampled peak can be restarted, so that each step of a sweep gets its own figure.
/// </summary>
internal sealed class MemoryWatch : IAsyncDisposable
{
    private readonly int _pid;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private long _peakKib;

    public MemoryWatch(int pid)
    {
        _pid = pid;
        _sampling = Task.Run(SampleAsync);
    }

    /// <summary>The highest resident set sampled since start or the last <see cref="Restart"/>, in MiB.</summary>
    public double SampledPeakMib => Math.Max(Interlocked.Read(ref _peakKib), ProcFs.StatusKib(_pid, "VmRSS")) / 1024.0;

    /// <summary>The kernel's peak resident set of the process so far, in MiB.</summary>
    public double KernelPeakMib => ProcFs.StatusKib(_pid, "VmHWM") / 1024.0;

    public double CurrentMib => ProcFs.StatusKib(_pid, "VmRSS") / 1024.0;

    public void Restart() => Interlocked.Exchange(ref _peakKib, 0);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }

    private async Task SampleAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                var now = ProcFs.StatusKib(_pid, "VmRSS");
                long seen;
                while (now > (seen = Interlocked.Read(ref _peakKib)) && Interlocked.CompareExchange(ref _peakKib, now, seen) != seen)
                {
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }
}
