using System.Diagnostics;
using System.Globalization;

namespace Operations.Bench.Measuring;

/// <summary>CPU time used so far by this process and by the server (when it runs here): on 2 shared cores, the likely limit.</summary>
internal sealed class CpuMeter(int? serverPid)
{
    // /proc/<pid>/stat counts in USER_HZ ticks, which the kernel ABI fixes at 100 per second on x86.
    private const double ProcTicksPerSecond = 100;

    private readonly Process _self = Process.GetCurrentProcess();

    public (TimeSpan Client, TimeSpan? Server) Read()
    {
        _self.Refresh();
        return (_self.TotalProcessorTime, ServerCpu());
    }

    private TimeSpan? ServerCpu()
    {
        if (serverPid is not { } pid || !File.Exists($"/proc/{pid}/stat"))
            return null;

        // The fields after the parenthesised command name start at field 3 (state); utime is field 14, stime 15.
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / ProcTicksPerSecond);
    }
}
