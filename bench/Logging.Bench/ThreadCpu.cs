using System.Globalization;

namespace Logging.Bench;

/// <summary>The calling thread's CPU time (user + system) from /proc: what the booking's own threads pay.</summary>
internal static class ThreadCpu
{
    public static TimeSpan Current()
    {
        var stat = File.ReadAllText("/proc/thread-self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }
}
