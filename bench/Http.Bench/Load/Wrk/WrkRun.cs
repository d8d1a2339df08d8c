using System.Diagnostics;
using System.Globalization;
using Http.Bench.Database;
using Http.Bench.Service;

namespace Http.Bench.Load.Wrk;

/// <summary>
/// Runs Debian's wrk with bench/wrk/hot.lua against one port for a fixed time, as a separate process, and measures it
/// as the .NET generator is measured: the CPU of the service, mariadbd and wrk itself (its pid in the generator's
/// column) and the database's counters over the run. Each warm-up or measured window is one wrk run with its own
/// round of user ids.
/// </summary>
internal sealed class WrkRun(string repositoryRoot, int port, int servicePid, int? databasePid, Func<Task<ServerCounters>> readCounters)
{
    public static string Script(string repositoryRoot) => Path.Combine(repositoryRoot, "bench", "wrk", "hot.lua");

    /// <summary>The command line, as a reader would type it, for the report.</summary>
    public static string CommandLine(int threads, int connections, TimeSpan duration, bool staticRequest) =>
        string.Create(CultureInfo.InvariantCulture, $"wrk -t{threads} -c{connections} -d{duration.TotalSeconds:0}s -s bench/wrk/hot.lua http://127.0.0.1:PORT -- EVENT_ID ROUND{(staticRequest ? " static" : string.Empty)}");

    public static string? Executable() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator).Append("/usr/bin")
            .Select(directory => Path.Combine(directory, "wrk"))
            .FirstOrDefault(File.Exists);

    /// <summary>One wrk run; <paramref name="measured"/> says whether its answers count as the window's or as a warm-up's.</summary>
    public async Task<LoadResult> RunAsync(long eventId, int round, int threads, int connections, TimeSpan duration, bool measured, bool staticRequest = false)
    {
        var wrk = Executable() ?? throw new InvalidOperationException("wrk is not installed (apt-get install wrk).");
        var start = new ProcessStartInfo(wrk) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = repositoryRoot };
        foreach (var argument in new[]
        {
            Inv($"-t{threads}"), Inv($"-c{connections}"), Inv($"-d{Math.Max(1, (int)Math.Round(duration.TotalSeconds))}s"), "-s", Script(repositoryRoot),
            Inv($"http://127.0.0.1:{port}"), "--", Inv($"{eventId}"), Inv($"{round}"),
        })
        {
            start.ArgumentList.Add(argument);
        }

        if (staticRequest)
            start.ArgumentList.Add("static");
        var counters = await readCounters();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start wrk.");
        var probe = CpuSplit.Start(servicePid, databasePid, process.Id);
        var watch = Stopwatch.StartNew();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();

        // The CPU split is read while wrk still runs (once it has exited, /proc no longer has its CPU time): over all of
        // its run but the last 0.3 s, steady load by then.
        await Task.WhenAny(process.WaitForExitAsync(), Task.Delay(duration - TimeSpan.FromMilliseconds(300)));
        var cpu = process.HasExited
            ? throw new InvalidOperationException($"wrk stopped early (exit {process.ExitCode}): {await stderr}{await stdout}")
            : probe.Stop(watch.Elapsed);
        await process.WaitForExitAsync();
        var server = (await readCounters()) - counters;
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"wrk exited with {process.ExitCode}: {await stderr}{await stdout}");
        var output = WrkOutput.Parse(await stdout);
        return new LoadResult(connections, output.Duration, Tally.FromWrk(eventId, output, measured), cpu, server)
        {
            ReportedPercentilesMs = new Dictionary<double, double> { [50] = output.P50Ms, [99] = output.P99Ms, [99.9] = output.P999Ms },
        };
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
