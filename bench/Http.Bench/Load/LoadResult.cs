using System.Diagnostics;
using Http.Bench.Database;
using Http.Bench.Service;

namespace Http.Bench.Load;

/// <summary>The figures of one measured window, and the counts of the whole run that the books are checked against.</summary>
internal sealed record LoadResult(int Connections, TimeSpan Elapsed, Tally Tally, CpuSplit Cpu, ServerCounters Server)
{
    public long MeasuredAnswers => Tally.Measured[(int)Outcome.Booked] + Tally.Measured[(int)Outcome.Waitlisted]
        + Tally.Measured[(int)Outcome.Cancelled] + Tally.Measured[(int)Outcome.LeftWaitlist];

    /// <summary>Several windows of the same service as one: answers and time add up, CPU is weighted by time.</summary>
    public static LoadResult Combine(IReadOnlyList<LoadResult> windows)
    {
        var seconds = windows.Sum(w => w.Elapsed.TotalSeconds);
        double Weighted(Func<CpuSplit, double> part) => windows.Sum(w => part(w.Cpu) * w.Elapsed.TotalSeconds) / seconds;
        var cpu = new CpuSplit(
            Weighted(c => c.Service), Weighted(c => c.Database), Weighted(c => c.LoadGenerator), Weighted(c => c.Other), Weighted(c => c.Idle),
            windows.Sum(w => w.Cpu.ServiceContextSwitches));
        var server = windows.Select(w => w.Server).Aggregate(new ServerCounters(0, 0, 0), (sum, w) => new ServerCounters(sum.Commits + w.Commits, sum.Fsyncs + w.Fsyncs, sum.Questions + w.Questions));
        return new LoadResult(windows[0].Connections, TimeSpan.FromSeconds(seconds), Tally.Merge(windows.Select(w => w.Tally)), cpu, server);
    }

    /// <summary>Successful answers (201 and 200) per second in the measured window.</summary>
    public double PerSecond => MeasuredAnswers / Elapsed.TotalSeconds;

    public double BookedPerSecond => Tally.Measured[(int)Outcome.Booked] / Elapsed.TotalSeconds;

    /// <summary>Every request of the run (warm-up and drain included) that got no 2xx or no answer at all.</summary>
    public long Errors => Tally.All[(int)Outcome.Unexpected] + Tally.All[(int)Outcome.Lost];

    public long Lost => Tally.All[(int)Outcome.Lost];

    public long AllRequests => Tally.All.Sum();

    /// <summary>Successful answers per commit in the window: the batch size the processors actually achieved.</summary>
    public double AnswersPerCommit => Server.Commits == 0 ? double.NaN : (double)MeasuredAnswers / Server.Commits;

    /// <summary>Percentiles a generator reported itself (wrk keeps its own histogram and gives no single latencies).</summary>
    public IReadOnlyDictionary<double, double>? ReportedPercentilesMs { get; init; }

    /// <summary>Latency percentile in milliseconds over every request that completed in the window (nearest rank).</summary>
    public double PercentileMs(double percentile)
    {
        if (ReportedPercentilesMs is { } reported)
            return reported.GetValueOrDefault(percentile, double.NaN);
        var sorted = _sorted ??= Sorted(Tally.MeasuredLatencyTicks);
        if (sorted.Length == 0)
            return double.NaN;
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)] * 1000.0 / Stopwatch.Frequency;
    }

    private long[]? _sorted;

    private static long[] Sorted(List<long> latencies)
    {
        var ticks = latencies.ToArray();
        Array.Sort(ticks);
        return ticks;
    }
}
