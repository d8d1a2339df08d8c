using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Booking.Core.Serialization;
using EventStore.MySql;
using Operations.Bench;
using Operations.Bench.Measuring;
using Operations.Bench.Seeding;
using Operations.Bench.Verifying;

// Rebuild and audit speed over a large seeded store, against the raw read beneath them (issue #4). See docs/PERFORMANCE.md.
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
await using var database = await BenchDatabase.CreateAsync(options.Keep);
Console.Error.WriteLine($"Server: {database.Version} ({database.ServerSource}); database {database.Name}");
// Created as the operator CLI creates it (StoreSetup.CreateStore).
var store = new MySqlEventStore(database.ConnectionString, BookingEventTypes.CreateMap());

var seed = await Seeder.RunAsync(store, options, new Progress<long>(written =>
{
    if (written % 100_000 < options.AppendSize)
        Console.Error.WriteLine(Inv.Text($"seeded {written:N0} events"));
}));
Console.Error.WriteLine(Inv.Text($"Seeded {seed.Events:N0} events in {seed.Appends:N0} appends, {seed.Elapsed.TotalSeconds:0.0} s ({seed.EventsPerSecond:N0} events/s)"));
var inline = await StatusCheck.SnapshotAsync(store);
if (await StatusCheck.DifferencesAsync(store, seed.Statuses) is { Count: > 0 } wrong)
{
    Console.Error.WriteLine($"The inline status documents differ from the fold of the seeded streams: {string.Join("; ", wrong.Take(5))}");
    return 1;
}

var table = await database.EventsTableSizeAsync();
var loadAfterSeed = MachineFacts.LoadAverage();
var timed = new TimedStore(store);
IReadOnlyList<Measurement> measurements;
try
{
    measurements = await new Runner(new CpuMeter(database.ServerPid), timed).RunAsync([.. Contenders.All(database.ConnectionString, timed, inline).Where(c => options.Selects(c.Name))], options.Runs);
}
catch (BenchFailureException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}

var report = Report.Markdown(args, options, machine, database, table, seed, loadAfterSeed, MachineFacts.LoadAverage(), measurements);
Console.WriteLine(report);
var path = options.Output ?? Path.Combine(ProjectFolder(), "results", $"rebuild-{DateTime.UtcNow.ToString("yyyy-MM-dd-HHmm", CultureInfo.InvariantCulture)}.md");
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
await File.WriteAllTextAsync(path, report);
Console.Error.WriteLine($"Report written to {path}");
return 0;

// This project's folder in the repository, wherever `dotnet run` was started from.
static string ProjectFolder()
{
    foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var project = Path.Combine(dir.FullName, "bench", "Operations.Bench");
            if (File.Exists(Path.Combine(dir.FullName, "global.json")) && Directory.Exists(project))
                return project;
        }
    }

    return Environment.CurrentDirectory;
}
