using System.Text.RegularExpressions;
using Http.Bench.Service;

namespace Http.Bench.Profiling;

/// <summary>
/// Sorts perf samples of the service into a few buckets by the frame that was running: kernel time by the system
/// call it serves (a thread-pool worker spinning shows as sched_yield), the runtime's native code, and managed code by
/// assembly family.
/// </summary>
internal static partial class PerfBuckets
{
    public static async Task<(IReadOnlyList<(string Bucket, double Share)> Buckets, int Samples)> ReadAsync(string perfData, string folder)
    {
        var (exit, output) = await ServiceBinary.RunAsync("perf", ["script", "-i", perfData, "-F", "ip,sym,dso"], folder, null);
        if (exit != 0)
            return ([], 0);

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var samples = 0;
        foreach (var sample in output.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var frames = sample.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (frames.Length == 0)
                continue;
            samples++;
            var bucket = Bucket(frames);
            counts[bucket] = counts.GetValueOrDefault(bucket) + 1;
        }

        return (counts.OrderByDescending(c => c.Value).Select(c => (c.Key, (double)c.Value / Math.Max(1, samples))).ToList(), samples);
    }

    private static string Bucket(string[] frames)
    {
        var leaf = frames[0];
        if (leaf.Contains("[kernel.kallsyms]", StringComparison.Ordinal))
            return KernelBucket(frames);
        if (leaf.Contains("libcoreclr", StringComparison.Ordinal))
            return "runtime native code (libcoreclr: GC, allocation, stubs, thread pool)";
        if (leaf.Contains("libclrjit", StringComparison.Ordinal))
            return "JIT compiler";
        if (leaf.Contains("libc.so", StringComparison.Ordinal) || leaf.Contains("ld-linux", StringComparison.Ordinal) || leaf.Contains("[vdso]", StringComparison.Ordinal) || leaf.Contains("libSystem", StringComparison.Ordinal))
            return "libc and native helpers";
        var assembly = AssemblyName().Match(leaf) is { Success: true } m ? m.Groups[1].Value : "unresolved";
        return "managed: " + assembly switch
        {
            _ when assembly.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) => "ASP.NET Core (Kestrel, middleware, results)",
            _ when assembly.StartsWith("System.Text.Json", StringComparison.Ordinal) => "System.Text.Json",
            _ when assembly.StartsWith("MySqlConnector", StringComparison.Ordinal) => "MySqlConnector",
            _ when assembly.StartsWith("System.Net", StringComparison.Ordinal) || assembly.StartsWith("System.IO.Pipelines", StringComparison.Ordinal) => "sockets and pipelines",
            _ when assembly.StartsWith("System.Collections.Immutable", StringComparison.Ordinal) => "System.Collections.Immutable (the processor's state)",
            _ when assembly.StartsWith("Serilog", StringComparison.Ordinal) || assembly.StartsWith("Microsoft.Extensions.Logging", StringComparison.Ordinal) => "logging (Serilog)",
            _ when assembly.StartsWith("Booking", StringComparison.Ordinal) || assembly.StartsWith("EventStore", StringComparison.Ordinal) => "the application (Booking.*, EventStore)",
            _ when assembly.StartsWith("System.", StringComparison.Ordinal) => "CoreLib and other System.* (async machinery, thread pool, collections)",
            _ => "other (stubs, unresolved)",
        };
    }

    private static string KernelBucket(string[] frames)
    {
        var call = frames.Select(f => SystemCall().Match(f)).FirstOrDefault(m => m.Success)?.Groups[1].Value;
        return call switch
        {
            "sched_yield" => "kernel: sched_yield (idle thread-pool workers spinning)",
            "futex" => "kernel: futex (threads sleeping and waking)",
            "epoll_wait" or "epoll_pwait" or "epoll_ctl" => "kernel: epoll",
            "sendto" or "sendmsg" or "write" or "writev" or "recvfrom" or "recvmsg" or "read" or "readv" => "kernel: socket send and receive (TCP over loopback)",
            null when frames.Any(f => f.Contains("page_fault", StringComparison.Ordinal)) => "kernel: page faults",
            null => "kernel: interrupts, preemption, other",
            _ => "kernel: other system calls",
        };
    }

    [GeneratedRegex(@"\[([A-Za-z][\w.]+)\] ")]
    private static partial Regex AssemblyName();

    [GeneratedRegex(@"__x64_sys_(\w+)")]
    private static partial Regex SystemCall();
}
