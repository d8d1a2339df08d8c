using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Http.Bench;
using Http.Bench.Database;
using Http.Bench.Reporting;
using Http.Bench.Scenarios;
using Http.Bench.Service;

// The booking service over HTTP under load (issue #5): throughput, latency, memory, and the books checked after each
// run. See docs/PERFORMANCE.md.
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

if (Assembly.GetExecutingAssembly().GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled == true)
{
    Console.Error.WriteLine("This is a Debug build of the load generator; numbers from it mean nothing. Run with -c Release.");
    return 2;
}

var root = RepositoryRoot();
var binary = new ServiceBinary(root);
var results = new List<ScenarioResult>();
BenchServer server;
string source;
try
{
    if (options.Build)
    {
        Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {ServiceBinary.BuildCommand}");
        await binary.BuildAsync();
    }

    source = await SourceAsync(root);
    server = await BenchServer.StartAsync();
    Console.Error.WriteLine($"Server: {server.Version} ({server.Source}); service from {source}; load average {ProcFs.LoadAverage()}");
    var runner = new ScenarioRunner(options, server, binary);
    foreach (var scenario in options.Scenarios)
        results.AddRange(await runner.RunAsync(scenario));
    if (options.Compare.Count > 0)
        results.AddRange(await runner.CompareAsync("compare", options.Compare));
}
catch (Exception e) when (e is InvalidOperationException or HttpRequestException or IOException or MySqlConnector.MySqlException)
{
    // Returning (rather than crashing) lets the throwaway mariadbd be stopped at process exit.
    Console.Error.WriteLine($"The run failed: {e}");
    return 1;
}

var machine = MachineFacts.Read();

var date = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
var path = Path.GetFullPath(options.Output ?? Path.Combine(root, "bench", "results", $"http-{date}.md"));
Directory.CreateDirectory(Path.GetDirectoryName(path)!);
var chart = string.Empty;
if (results.FirstOrDefault(r => r.Name == "sweep") is { } sweep)
{
    chart = Path.GetFileNameWithoutExtension(path) + "-connections.svg";
    await File.WriteAllTextAsync(Path.Combine(Path.GetDirectoryName(path)!, chart),
        SweepChart.Svg(sweep, $"Hot event over HTTP, {date}: bookings/s and p99 against connections"));
}

var report = Report.Markdown(args, options.Generator, options.LogLevel, machine, server, source, chart, results);
Console.WriteLine(report);
await File.WriteAllTextAsync(path, report);
Console.Error.WriteLine($"Report written to {path}");
return results.All(r => r.Passed) ? 0 : 1;

// The repository holding this project, wherever `dotnet run` was started from.
static string RepositoryRoot()
{
    foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "global.json")) && Directory.Exists(Path.Combine(dir.FullName, "src", "Booking.Web")))
                return dir.FullName;
        }
    }

    throw new InvalidOperationException("Run from inside the repository: src/Booking.Web was not found above the current directory.");
}

// Which code was measured: the commit, and whether src/ had uncommitted changes when the service was built.
static async Task<string> SourceAsync(string root)
{
    var (headExit, head) = await ServiceBinary.RunAsync("git", ["rev-parse", "--short", "HEAD"], root, null);
    if (headExit != 0)
        return "an unknown commit (no git)";
    var (_, changes) = await ServiceBinary.RunAsync("git", ["status", "--porcelain", "--", "src", "migrations"], root, null);
    return string.IsNullOrWhiteSpace(changes) ? $"commit {head.Trim()}" : $"commit {head.Trim()} with uncommitted changes in src/ or migrations/";
}
