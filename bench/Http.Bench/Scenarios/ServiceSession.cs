using System.Globalization;
using EventBooking.Testing.Processes;
using Http.Bench.Api;
using Http.Bench.Database;
using Http.Bench.Load;
using Http.Bench.Profiling;
using Http.Bench.Service;

namespace Http.Bench.Scenarios;

/// <summary>
/// One service process with its own database, ready for load: started, answering, its ticketed events created. Finishing
/// checks the books through the status route, reads the peak RSS, stops the service (SIGTERM) and audits what it wrote.
/// </summary>
internal sealed class ServiceSession : IAsyncDisposable
{
    private readonly ServiceBinary _binary;
    private readonly ServiceProcess _service;
    private readonly ServiceApi _api;
    private readonly IReadOnlyList<long> _events;
    private readonly string _name;
    private readonly string _description;
    private readonly string _batching;
    private readonly string? _level;
    private readonly string _loadBefore;

    private ServiceSession(
        ServiceBinary binary, ServiceProcess service, ServiceApi api, MemoryWatch memory, LoadGenerator generator, IWorkload workload,
        IReadOnlyList<long> events, string name, string description, string batching, string? level, string loadBefore)
    {
        _binary = binary;
        _service = service;
        _api = api;
        Memory = memory;
        Generator = generator;
        Workload = workload;
        _events = events;
        _name = name;
        _description = description;
        _batching = batching;
        _level = level;
        _loadBefore = loadBefore;
    }

    public MemoryWatch Memory { get; }

    public LoadGenerator Generator { get; }

    public IWorkload Workload { get; }

    /// <summary>The ticketed events the scenario created.</summary>
    public IReadOnlyList<long> Events => _events;

    public int Port => _service.Port;

    public int Pid => _service.Pid;

    public static async Task<ServiceSession> StartAsync(
        BenchServer server, ServiceBinary binary, ConnectionKind client, string name, string description, int batch, string? level, string password,
        IReadOnlyDictionary<string, string> environment, Func<ServiceApi, Task<(IWorkload Workload, IReadOnlyList<long> Events)>> setup)
    {
        var loadBefore = ProcFs.LoadAverage();
        var settings = new ServiceSettings(await server.CreateDatabaseAsync(name), password, batch, level, environment);
        var service = ServiceProcess.Start(binary.Dll, settings.Environment(), consoleToFile: true);
        var api = new ServiceApi(service.Port, ServiceSettings.Username, password);
        try
        {
            await api.WaitUntilReadyAsync(() => service.HasExited, () => service.ConsoleTail(30));
            var memory = new MemoryWatch(service.Pid);
            var (workload, events) = await setup(api);
            var generator = new LoadGenerator(client, service.Port, service.Pid, server.Pid, server.ReadCountersAsync);
            var size = batch != ServiceSettings.DefaultBatchSize ? batch.ToString(CultureInfo.InvariantCulture) : environment.GetValueOrDefault("Processing__MaxBatchSize", "1000");
            var batching = size == "1" ? "off (1)" : $"on ({size})";
            return new ServiceSession(binary, service, api, memory, generator, workload, events, name, description, batching, level, loadBefore);
        }
        catch
        {
            api.Dispose();
            await service.DisposeAsync();
            throw;
        }
    }

    /// <summary>Checks, stops and audits; <paramref name="unreported"/> are loads (separate warm-ups) that count for the books only.</summary>
    public async Task<ScenarioResult> FinishAsync(List<Step> steps, ServiceProfile? profile, IReadOnlyList<LoadResult>? unreported = null, long inFlightAtStop = 0)
    {
        var books = await Books.CheckAsync(_api, _events, [.. steps.Select(s => s.Load), .. unreported ?? []], inFlightAtStop);
        var (peak, end) = (Memory.KernelPeakMib, Memory.CurrentMib);
        await _service.StopAsync();
        var loadAfter = ProcFs.LoadAverage();
        BookingLog? log = null;
        if (ServiceSettings.LogsBookings(_level))
        {
            await _service.ConsoleClosed;
            var booked = Tally.Merge([.. steps.Select(s => s.Load.Tally), .. (unreported ?? []).Select(l => l.Tally)]).All[(int)Outcome.Booked];
            log = BookingLog.Read(_service.Folder, booked, inFlightAtStop);
        }

        var audit = await _binary.AuditAsync(_service.Environment);
        Console.Error.WriteLine(Inv($"  {_name}: books {(books.Balanced ? "balanced" : "NOT balanced")}: {books.Detail}"));
        Console.Error.WriteLine(Inv($"  {_name}: audit exit {audit.ExitCode} in {audit.Elapsed.TotalSeconds:0.0} s: {ServiceBinary.Tail(audit.Summary, 1)}; peak RSS {peak:0} MiB"));
        if (log is not null)
            Console.Error.WriteLine($"  {_name}: {log}");
        return new ScenarioResult(_name, _description, _batching, ServiceSettings.LogLabel(_level), steps, books, audit, peak, end, _loadBefore, loadAfter, profile) { Log = log };
    }

    public async ValueTask DisposeAsync()
    {
        await Memory.DisposeAsync();
        _api.Dispose();
        await _service.DisposeAsync();
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
