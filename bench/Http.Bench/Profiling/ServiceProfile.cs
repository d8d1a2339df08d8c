using System.Globalization;
using Http.Bench.Service;

namespace Http.Bench.Profiling;

/// <summary>
/// Where the service's CPU goes under load, from <c>perf</c> (every thread, kernel included, JIT frames named through
/// the runtime's perf map), and what its runtime counters say (allocation, GC, contention) from <c>dotnet-counters</c>.
/// Either tool may be missing; the profile then says so instead of guessing.
/// </summary>
internal sealed record ServiceProfile(IReadOnlyList<(string Bucket, double Share)> Cpu, int Samples, IReadOnlyDictionary<string, double> Counters, IReadOnlyList<string> Notes)
{
    /// <summary>The same samples by the thread that ran them.</summary>
    public IReadOnlyList<(string Thread, double Share)> Threads { get; init; } = [];

    /// <summary>What the service needs for perf to name JIT-compiled frames: a perf map, and code not double-mapped.</summary>
    public static readonly IReadOnlyDictionary<string, string> ServiceEnvironment = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["DOTNET_PerfMapEnabled"] = "1",
        ["DOTNET_EnableWriteXorExecute"] = "0",
    };

    public static async Task<ServiceProfile> CollectAsync(int pid, TimeSpan duration, string folder)
    {
        var notes = new List<string>();
        var seconds = Math.Max(1, (int)duration.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        var perfData = Path.Combine(folder, "perf.data");
        var countersCsv = Path.Combine(folder, "counters.csv");
        var perf = Tool("perf") is { } perfPath
            ? ServiceBinary.RunAsync(perfPath, ["record", "-F", "499", "-g", "-p", Inv(pid), "-o", perfData, "--", "sleep", seconds], folder, null)
            : Missing(notes, "perf not found (apt-get install linux-perf): no CPU breakdown.");
        var counters = Tool("dotnet-counters") is { } countersPath
            ? ServiceBinary.RunAsync(countersPath, ["collect", "-p", Inv(pid), "--duration", TimeSpan.FromSeconds(int.Parse(seconds, CultureInfo.InvariantCulture)).ToString("c", CultureInfo.InvariantCulture), "--format", "csv", "-o", countersCsv, "--counters", "System.Runtime"], folder, null)
            : Missing(notes, "dotnet-counters not found (dotnet tool install -g dotnet-counters): no runtime counters.");
        await Task.WhenAll(perf, counters);

        var samples = File.Exists(perfData) ? await PerfBuckets.ReadAsync(perfData, folder) : new PerfProfile([], [], 0);
        if ((await perf).Exit != 0 && samples.Samples == 0)
            notes.Add($"perf failed: {ServiceBinary.Tail((await perf).Output, 2)}");
        return new ServiceProfile(samples.Buckets, samples.Samples, File.Exists(countersCsv) ? RuntimeCounters.Read(countersCsv) : new Dictionary<string, double>(), notes)
        {
            Threads = samples.Threads,
        };
    }

    private static Task<(int Exit, string Output)> Missing(List<string> notes, string note)
    {
        notes.Add(note);
        return Task.FromResult((0, string.Empty));
    }

    private static string? Tool(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Append("/usr/bin")
            .Append(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools"))
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);

    private static string Inv(int value) => value.ToString(CultureInfo.InvariantCulture);
}
