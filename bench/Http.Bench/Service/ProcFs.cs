using System.Globalization;

namespace Http.Bench.Service;

/// <summary>What Linux says about a process and the machine: CPU time, resident memory, load.</summary>
internal static class ProcFs
{
    private static readonly double TicksPerSecond = 100; // USER_HZ: 100 on every Linux this runs on

    /// <summary>User + system CPU seconds of a process (children not included), or 0 when it is gone.</summary>
    public static double CpuSeconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name may hold spaces; the fields after it are fixed. utime and stime are fields 14 and 15.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    /// <summary>Context switches so far (voluntary and involuntary) of each live thread of a process, by thread id.</summary>
    public static Dictionary<int, long> ContextSwitches(int pid)
    {
        var switches = new Dictionary<int, long>();
        try
        {
            foreach (var task in System.IO.Directory.EnumerateDirectories($"/proc/{pid}/task"))
            {
                try
                {
                    var count = File.ReadLines(Path.Combine(task, "status"))
                        .Where(l => l.StartsWith("voluntary_ctxt_switches:", StringComparison.Ordinal) || l.StartsWith("nonvoluntary_ctxt_switches:", StringComparison.Ordinal))
                        .Sum(l => long.Parse(l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim(), CultureInfo.InvariantCulture));
                    switches[int.Parse(Path.GetFileName(task), CultureInfo.InvariantCulture)] = count;
                }
                catch (IOException)
                {
                    // The thread ended while being read.
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The process is gone.
        }

        return switches;
    }

    /// <summary>
    /// Context switches between two readings, over the threads alive at the end: a thread that ended in between takes
    /// its count with it, so this is a lower bound (exact when no thread ends, as under steady load).
    /// </summary>
    public static long ContextSwitchesSince(Dictionary<int, long> start, Dictionary<int, long> end) =>
        end.Sum(t => t.Value - start.GetValueOrDefault(t.Key));

    /// <summary>Busy and total CPU seconds of the whole machine, all cores together.</summary>
    public static (double Busy, double Total) MachineCpuSeconds()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var total = fields.Take(8).Sum();
        var idle = fields[3] + fields[4]; // idle + iowait
        return ((total - idle) / TicksPerSecond, total / TicksPerSecond);
    }

    /// <summary>A field of /proc/pid/status in KiB (VmRSS now, VmHWM the peak so far), or 0 when the process is gone.</summary>
    public static long StatusKib(int pid, string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    /// <summary>The 1, 5 and 15 minute load averages: how busy the shared machine was.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}
