using System.Diagnostics;
using System.Globalization;
using Logging.Bench;
using Microsoft.Extensions.Configuration;
using Serilog;
using Serilog.Extensions.Logging;

// What the shipped logging (src/Booking.Web/appsettings.json's Serilog section, read as the service reads it) costs
// per booking: the processor's "Booked ..." line and the request line, through Serilog's async buffer to the console
// (this process's stdout: run it into a pipe, a file or /dev/null) and to the compact JSON file. See Usage.
const string Usage =
    """
    dotnet run -c Release --project bench/Logging.Bench -- [--bookings N] [--settings FILE] [--variant V]... > console.log
      --bookings N   bookings per variant, two lines each (default 200000)
      --settings F   the appsettings.json to read (default src/Booking.Web/appsettings.json), e.g. an older commit's
      --variant V    shipped (default), file-only, console-only, none (both sinks at Warning: the lines are made and queued
                     but written nowhere), off (Serilog's level at Warning), or KEY=VALUE overrides of the Serilog section
                     joined by ';' (repeatable; each variant runs in a fresh logger)
    The figures go to stderr; the console sink writes to stdout, so redirect it to what you want to measure.
    """;

var bookings = 200_000;
var variants = new List<string>();
string? settings = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--bookings" when i + 1 < args.Length: bookings = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--variant" when i + 1 < args.Length: variants.Add(args[++i]); break;
        case "--settings" when i + 1 < args.Length: settings = Path.GetFullPath(args[++i]); break;
        default: Console.Error.WriteLine(Usage); return 2;
    }
}

if (variants.Count == 0)
    variants.Add("shipped");
var appsettings = settings ?? FindAppSettings();
Console.Error.WriteLine($"stdout is {Destination()}; {bookings:N0} bookings (2 lines each) per variant; settings from {appsettings}");
Console.Error.WriteLine("| variant | CPU µs / booking | of which the booking's own threads | wall µs / booking | lines in logs/ |");
Console.Error.WriteLine("|---|---:|---:|---:|---:|");
foreach (var variant in variants)
{
    var folder = Directory.CreateTempSubdirectory("logging-bench-").FullName;
    try
    {
        // A warm-up pass in its own folder first: JIT and the sinks' first allocations are not what a booking costs.
        // As long as the measured pass: a tenth of it left the first variant's figure three times the second's
        // (tiered compilation still at work; bench/results/perf-2026-12-02-notes.md).
        Run(appsettings, variant, Path.Combine(folder, "warmup"), bookings);
        var result = Run(appsettings, variant, Path.Combine(folder, "run"), bookings);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {variant} | {result.CpuMicros:0.0} | {result.CallerMicros:0.0} | {result.WallMicros:0.0} | {result.FileLines:N0} |"));
    }
    finally
    {
        Directory.Delete(folder, recursive: true);
    }
}

return 0;

static Result Run(string appsettings, string variant, string folder, int bookings)
{
    Directory.CreateDirectory(folder);
    var configuration = new ConfigurationBuilder()
        .AddJsonFile(appsettings)
        .AddInMemoryCollection(Variants.Overrides(variant, Path.Combine(folder, "logs", "eventbooking-.log")))
        .Build();
    var serilog = new LoggerConfiguration().ReadFrom.Configuration(configuration).Enrich.FromLogContext().CreateLogger();
    using var factory = new SerilogLoggerFactory(serilog, dispose: true);
    var processor = factory.CreateLogger("Booking.Core.Processing.BookingProcessors");
    var requests = serilog.ForContext("SourceContext", "Serilog.AspNetCore.RequestLoggingMiddleware");

    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var caller = ThreadCpu.Current();
    var wall = Stopwatch.StartNew();
    Lines.Write(processor, requests, bookings);
    var callerCpu = ThreadCpu.Current() - caller;
    factory.Dispose(); // flushes the async buffer and both sinks
    var elapsed = wall.Elapsed;
    var total = Process.GetCurrentProcess().TotalProcessorTime - cpu;
    var logs = Path.Combine(folder, "logs");
    var lines = Directory.Exists(logs) ? Directory.EnumerateFiles(logs).Sum(f => File.ReadLines(f).LongCount()) : 0;
    return new Result(total.TotalMicroseconds / bookings, callerCpu.TotalMicroseconds / bookings, elapsed.TotalMicroseconds / bookings, lines);
}

static string FindAppSettings()
{
    for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
    {
        var path = Path.Combine(dir.FullName, "src", "Booking.Web", "appsettings.json");
        if (File.Exists(path))
            return path;
    }

    throw new InvalidOperationException("Run from inside the repository: src/Booking.Web/appsettings.json not found.");
}

static string Destination()
{
    var target = new FileInfo("/proc/self/fd/1").LinkTarget ?? "unknown";
    return target.StartsWith("pipe:", StringComparison.Ordinal) ? "a pipe" : target;
}

internal sealed record Result(double CpuMicros, double CallerMicros, double WallMicros, long FileLines);
