using System.Text.RegularExpressions;
using Http.Bench.Service;

namespace Http.Bench.Profiling;

/// <summary>
/// Sorts perf samples of the service into a few buckets by the frame that was running: kernel time by the system
/// call it serves (a thread-pool worker spinning shows as sched_yield), the runtime's native code, and managed code by
/// assembly family; and, separately, by the thread that ran (the runtime names its threads: thread-pool workers, the
/// socket engine, GC, and ".NET Long Running Task", which in the service is Serilog's async sink writing the log).
/// </summary>
internal static partial class PerfBuckets
{
    public static async Task<PerfProfile> ReadAsync(string perfData, string folder)
    {
        var (exit, output) = await ServiceBinary.RunAsync("perf", ["script", "-i", perfData, "-F", "comm,ip,sym,dso"], folder, null);
        if (exit != 0)
            return new PerfProfile([], [], 0);

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var threads = new Dictionary<string, int>(StringComparer.Ordinal);
        var samples = 0;
        foreach (var sample in output.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            // The first line names the thread ("comm tid"), the indented lines below it are its frames, leaf first.
            var lines = sample.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var frames = lines.Skip(1).Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
            if (frames.Length == 0)
                continue;
            samples++;
            var bucket = Bucket(frames);
            counts[bucket] = counts.GetValueOrDefault(bucket) + 1;
            var thread = Thread(lines[0]);
            threads[thread] = threads.GetValueOrDefault(thread) + 1;
        }

        return new PerfProfile(Shares(counts, samples), Shares(threads, samples), samples);
    }

    private static List<(string, double)> Shares(Dictionary<string, int> counts, int samples) =>
        counts.OrderByDescending(c => c.Value).Select(c => (c.Key, (double)c.Value / Math.Max(1, samples))).ToList();

    // perf prints comm (at most 15 characters) and the thread id; the runtime's names are kept, numbered ones merged.
    private static string Thread(string header)
    {
        var comm = ThreadId().Replace(header.Trim(), string.Empty);
        return comm switch
        {
            ".NET TP Worker" => "thread-pool workers (requests, processors, store)",
            ".NET Sockets" or ".NET SocketEng" => "socket engine (epoll)",
            ".NET Long Runni" => "long-running task: Serilog's async sink (console and file)",
            _ when comm.StartsWith(".NET Server GC", StringComparison.Ordinal) || comm.StartsWith(".NET BGC", StringComparison.Ordinal) || comm.StartsWith(".NET Background", StringComparison.Ordinal) => "GC threads",
            ".NET Tiered Com" => "tiered JIT compilation",
            _ => "other: " + comm,
        };
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

    [GeneratedRegex(@"\s+\d+$")]
    private static partial Regex ThreadId();

    [GeneratedRegex(@"\[([A-Za-z][\w.]+)\] ")]
    private static partial Regex AssemblyName();

    [GeneratedRegex(@"__x64_sys_(\w+)")]
    private static partial Regex SystemCall();
}

/// <summary>Shares of the samples by kind of code and by thread.</summary>
internal sealed record PerfProfile(IReadOnlyList<(string Bucket, double Share)> Buckets, IReadOnlyList<(string Thread, double Share)> Threads, int Samples);
