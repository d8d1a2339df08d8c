using System.Diagnostics;

namespace EventStore.Bench;

/// <summary>What one contender did in a scenario: batches written, wall time, the latency of each batch, what it used.</summary>
internal sealed record Sample(int BatchSize, long Batches, TimeSpan Elapsed, long[] LatencyTicks, Reading Used)
{
    public double BatchesPerSecond => Batches / Elapsed.TotalSeconds;

    public double RowsPerSecond => BatchesPerSecond * BatchSize;

    public double ClientCpuMicrosPerBatch => Used.ClientCpu.TotalMicroseconds / Batches;

    public double ServerCpuMicrosPerBatch => Used.ServerCpu.TotalMicroseconds / Batches;

    /// <summary>Commits per InnoDB fsync: above 1 when group commit shares one fsync among several writers.</summary>
    public double CommitsPerFsync => Used.Counters.Fsyncs == 0 ? double.NaN : (double)Batches / Used.Counters.Fsyncs;

    public double RedoBytesPerBatch => (double)Used.Counters.LogBytes / Batches;

    public double StatementsPerBatch => (double)Used.Counters.Statements / Batches;

    /// <summary>Nearest-rank percentile of the batch latencies, in milliseconds.</summary>
    public double LatencyMs(double percentile)
    {
        if (LatencyTicks.Length == 0)
            return double.NaN;
        var rank = Math.Clamp((int)Math.Ceiling(percentile / 100 * LatencyTicks.Length) - 1, 0, LatencyTicks.Length - 1);
        return LatencyTicks[rank] * 1000.0 / Stopwatch.Frequency;
    }

    /// <summary>Both rounds of an alternating measurement, as if measured in one go.</summary>
    public static Sample operator +(Sample a, Sample b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var latencies = a.LatencyTicks.Concat(b.LatencyTicks).ToArray();
        Array.Sort(latencies);
        return new Sample(a.BatchSize, a.Batches + b.Batches, a.Elapsed + b.Elapsed, latencies, a.Used + b.Used);
    }
}
