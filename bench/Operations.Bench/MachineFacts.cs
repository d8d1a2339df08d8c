using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;

namespace Operations.Bench;

/// <summary>What the numbers were measured on: enough to judge whether another run is comparable.</summary>
internal sealed record MachineFacts(int Cores, string Cpu, string Memory, string Os, string Runtime, string Gc, string Load)
{
    public static MachineFacts Read() => new(
        Environment.ProcessorCount,
        ProcLine("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString(),
        TotalMemory(),
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        GcSettings(),
        LoadAverage());

    /// <summary>The 1, 5 and 15 minute load averages: a shared machine shows here how busy it was.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    // The collector's mode decides much of a scan's cost; DOTNET_GC* variables override the project's settings.
    private static string GcSettings()
    {
        var overrides = Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(k => k.StartsWith("DOTNET_GC", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(k => $"{k}={Environment.GetEnvironmentVariable(k)}");
        return string.Join(", ", new[]
        {
            GCSettings.IsServerGC ? "Server GC" : "Workstation GC",
            GCSettings.LatencyMode == GCLatencyMode.Batch ? "non-concurrent" : "concurrent",
        }.Concat(overrides));
    }

    private static string TotalMemory()
    {
        var kib = ProcLine("/proc/meminfo", "MemTotal")?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        return kib is null ? "?" : Inv.Text($"{long.Parse(kib, CultureInfo.InvariantCulture) / (1024.0 * 1024):0.0} GiB");
    }

    private static string? ProcLine(string file, string key) =>
        File.Exists(file)
            ? File.ReadLines(file).Where(l => l.StartsWith(key, StringComparison.Ordinal)).Select(l => l[(l.IndexOf(':') + 1)..].Trim()).FirstOrDefault()
            : null;
}
