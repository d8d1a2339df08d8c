using System.Diagnostics;

namespace EventStore.Bench;

/// <summary>
/// Runs every writer of a contender in a closed loop for a fixed time: each writer starts its next batch as soon as
/// the previous one is committed, so N writers keep exactly N batches in flight.
/// </summary>
internal static class Runner
{
    public static async Task<Sample> MeasureAsync(IReadOnlyList<IBatchWriter> writers, int batchSize, TimeSpan duration, Meters meters)
    {
        var latencies = writers.Select(_ => new List<long>(capacity: 4096)).ToArray();
        var before = await meters.ReadAsync();
        var start = Stopwatch.GetTimestamp();
        var deadline = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);

        await Task.WhenAll(writers.Select((writer, i) => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < deadline)
            {
                var began = Stopwatch.GetTimestamp();
                await writer.WriteAsync();
                latencies[i].Add(Stopwatch.GetTimestamp() - began);
            }
        })));

        var elapsed = Stopwatch.GetElapsedTime(start);
        var used = await meters.ReadAsync() - before;
        var all = latencies.SelectMany(l => l).ToArray();
        Array.Sort(all);
        return new Sample(batchSize, all.Length, elapsed, all, used);
    }
}
