using System.Globalization;
using System.Runtime.InteropServices;

namespace Http.Bench.Reporting;

/// <summary>What the numbers were measured on: enough to judge whether another run is comparable.</summary>
internal sealed record MachineFacts(int Cores, string Cpu, string Memory, string Os, string Runtime)
{
    public static MachineFacts Read() => new(
        Environment.ProcessorCount,
        ProcLine("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString(),
        TotalMemory(),
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription);

    private static string TotalMemory()
    {
        var kib = ProcLine("/proc/meminfo", "MemTotal")?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        return kib is null ? "?" : $"{long.Parse(kib, CultureInfo.InvariantCulture) / (1024.0 * 1024):0.0} GiB";
    }

    private static string? ProcLine(string file, string key) =>
        File.Exists(file)
            ? File.ReadLines(file).Where(l => l.StartsWith(key, StringComparison.Ordinal)).Select(l => l[(l.IndexOf(':') + 1)..].Trim()).FirstOrDefault()
            : null;
}
