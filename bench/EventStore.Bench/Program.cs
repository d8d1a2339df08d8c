using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using EventStore.Bench;
using EventStore.MySql;

// Appends/s of MySqlEventStore against the raw multi-row INSERT of the same rows (issue #2). See docs/PERFORMANCE.md.
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
    Console.Error.WriteLine("This is a Debug build; numbers from it mean nothing. Run with -c Release.");
    return 2;
}

var machine = MachineFacts.Read();
await using var database = await BenchDatabase.CreateAsync();
Console.Error.WriteLine($"Server: {database.Facts.Version} ({database.ServerSource}); database {database.Name}");
var meters = new Meters(database.ConnectionString, database.Facts.Pid);
var store = new MySqlEventStore(database.ConnectionString, UserSignedIn.Map());
var contenders = Contender.For(database.ConnectionString, store, options.Diagnose);

var results = new List<ScenarioResult>();
foreach (var batchSize in options.BatchSizes)
{
    foreach (var writers in options.WriterCounts)
        results.Add(await Scenario.RunAsync(database, options, contenders, batchSize, writers, meters));
}

var report = Report.Markdown(args, options, machine, database, MachineFacts.LoadAverage(), results);
Console.WriteLine(report);
var path = options.Output ?? Path.Combine(RepositoryRoot(), "bench", "results", $"store-{DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.md");
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
await File.WriteAllTextAsync(path, report);
Console.Error.WriteLine($"Report written to {path}");
return 0;

// The repository holding this project, wherever `dotnet run` was started from.
static string RepositoryRoot()
{
    foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "global.json")) && Directory.Exists(Path.Combine(dir.FullName, "bench")))
                return dir.FullName;
        }
    }

    return Environment.CurrentDirectory;
}
