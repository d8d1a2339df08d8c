using System.Diagnostics;
using System.Globalization;

namespace EventStore.Bench;

/// <summary>What a measurement consumed: CPU of this process, CPU of the server (when it is local), server counters.</summary>
internal sealed record Reading(TimeSpan ClientCpu, TimeSpan ServerCpu, ServerCounters Counters)
{
    public static Reading operator -(Reading a, Reading b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return new(a.ClientCpu - b.ClientCpu, a.ServerCpu - b.ServerCpu, a.Counters - b.Counters);
    }

    public static Reading operator +(Reading a, Reading b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return new(a.ClientCpu + b.ClientCpu, a.ServerCpu + b.ServerCpu, a.Counters + b.Counters);
    }
}

/// <summary>Reads the <see cref="Reading"/> meters before and after each measurement.</summary>
internal sealed class Meters(string connectionString, int? serverPid)
{
    // /proc/<pid>/stat counts in USER_HZ ticks, which the kernel ABI fixes at 100 per second on x86.
    private const double ProcTicksPerSecond = 100;

    private readonly Process _self = Process.GetCurrentProcess();

    public async Task<Reading> ReadAsync()
    {
        var counters = await ServerCounters.ReadAsync(connectionString);
        _self.Refresh();
        return new Reading(_self.TotalProcessorTime, ServerCpu(), counters);
    }

    private TimeSpan ServerCpu()
    {
        if (serverPid is not { } pid)
            return TimeSpan.Zero;

        // The fields after the parenthesised command name start at field 3 (state); utime is field 14, stime 15.
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / ProcTicksPerSecond);
    }
}
