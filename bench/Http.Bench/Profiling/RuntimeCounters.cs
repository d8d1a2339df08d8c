using System.Globalization;

namespace Http.Bench.Profiling;

/// <summary>The mean of every counter in a <c>dotnet-counters collect --format csv</c> file, by counter name.</summary>
internal static class RuntimeCounters
{
    public const string AllocatedPerSecond = "dotnet.gc.heap.total_allocated (By / 1 sec)";
    public const string PausePerSecond = "dotnet.gc.pause.time (s / 1 sec)";
    public const string Gen0 = "dotnet.gc.collections ({collection} / 1 sec)[gc.heap.generation=gen0]";
    public const string Gen1 = "dotnet.gc.collections ({collection} / 1 sec)[gc.heap.generation=gen1]";
    public const string Gen2 = "dotnet.gc.collections ({collection} / 1 sec)[gc.heap.generation=gen2]";
    public const string LockContentions = "dotnet.monitor.lock_contentions ({contention} / 1 sec)";
    public const string WorkItems = "dotnet.thread_pool.work_item.count ({work_item} / 1 sec)";
    public const string WorkingSet = "dotnet.process.memory.working_set (By)";

    public static IReadOnlyDictionary<string, double> Read(string csv)
    {
        var sums = new Dictionary<string, (double Sum, int Count)>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(csv).Skip(1))
        {
            // Timestamp,Provider,Counter Name,Counter Type,Mean/Increment: the name has no commas in System.Runtime.
            var fields = line.Split(',');
            if (fields.Length < 5 || !double.TryParse(fields[^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                continue;
            var name = string.Join(',', fields[2..^2]);
            var (sum, count) = sums.GetValueOrDefault(name);
            sums[name] = (sum + value, count + 1);
        }

        return sums.ToDictionary(s => s.Key, s => s.Value.Sum / s.Value.Count, StringComparer.Ordinal);
    }
}
