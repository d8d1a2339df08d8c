using System.Globalization;
using EventBooking.Testing.Processes;
using Http.Bench.Database;
using Http.Bench.Load;
using Http.Bench.Service;

namespace Http.Bench.Scenarios;

/// <summary>
/// bench/Http.Ceiling as a separate process, ready for load: what HTTP alone allows on this machine with the same
/// generator, for comparison with the service. It keeps no books and writes nothing, so finishing only reads the peak
/// RSS and stops it (SIGTERM). mariadbd stays up but idle; its CPU is still reported in its own column.
/// </summary>
internal sealed class CeilingSession : IAsyncDisposable
{
    public const string Name = BenchOptions.CeilingScenario;

    public const string Description =
        "Ceiling: the hot event's requests against bench/Http.Ceiling, a separate ASP.NET Core process (Production, Server GC, " +
        "Warning logging) that deserializes each booking and answers 201 \"booked\", with no database and no queue; its CPU is in the Service column";

    private readonly ServiceProcess _server;
    private readonly string _loadBefore;

    private CeilingSession(ServiceProcess server, MemoryWatch memory, LoadGenerator generator, string loadBefore)
    {
        _server = server;
        Memory = memory;
        Generator = generator;
        _loadBefore = loadBefore;
    }

    public MemoryWatch Memory { get; }

    public LoadGenerator Generator { get; }

    public int Port => _server.Port;

    public int Pid => _server.Pid;

    public static string Dll(string repositoryRoot) =>
        Path.Combine(repositoryRoot, "bench", "Http.Ceiling", "bin", "Release", "net10.0", "Http.Ceiling.dll");

    /// <summary>Starts the server with <paramref name="extra"/> (--service-env) on top of the Production environment.</summary>
    public static async Task<CeilingSession> StartAsync(string repositoryRoot, BenchServer database, ConnectionKind client, IReadOnlyDictionary<string, string> extra)
    {
        var dll = Dll(repositoryRoot);
        if (!File.Exists(dll))
            throw new InvalidOperationException($"{dll} is missing: it is built with the harness (dotnet build -c Release bench/Http.Bench).");
        var loadBefore = ProcFs.LoadAverage();
        var environment = new Dictionary<string, string>(extra, StringComparer.Ordinal) { ["ASPNETCORE_ENVIRONMENT"] = "Production" };
        var server = ServiceProcess.Start(dll, environment);
        try
        {
            // The probe asks for the status route, which the ceiling does not map: its 404 comes from routing alone.
            await server.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
            var memory = new MemoryWatch(server.Pid);
            var generator = new LoadGenerator(client, server.Port, server.Pid, database.Pid, database.ReadCountersAsync);
            return new CeilingSession(server, memory, generator, loadBefore);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async Task<ScenarioResult> FinishAsync(Step step, string name = Name, string description = Description)
    {
        var (peak, end) = (Memory.KernelPeakMib, Memory.CurrentMib);
        await _server.StopAsync();
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name}: no books to check and nothing to audit; peak RSS {peak:0} MiB"));
        return new ScenarioResult(name, description, "n/a", "Warning", [step], null, null, peak, end, _loadBefore, ProcFs.LoadAverage(), null);
    }

    public async ValueTask DisposeAsync()
    {
        await Memory.DisposeAsync();
        await _server.DisposeAsync();
    }
}
