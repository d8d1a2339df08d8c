using System.Globalization;
using EventBooking.Testing.Processes;
using Http.Bench.Api;
using Http.Bench.Database;
using Http.Bench.Load;
using Http.Bench.Scenarios;
using Http.Bench.Service;

namespace Http.Bench.Cluster;

/// <summary>
/// Service nodes behind HAProxy running deploy/haproxy.cfg, each with its own connection string (its own Galera node,
/// or the same server), ready for load through the proxy: the load generator, the ticketed events and the books all
/// go through it. CPU figures add up every service node (and every database node); memory is the first node's.
/// </summary>
internal sealed class ClusterSession : IAsyncDisposable
{
    private readonly ServiceBinary _binary;
    private readonly ServiceProcess[] _services;
    private readonly HaproxyProcess _proxy;
    private readonly ServiceApi _api;
    private readonly IReadOnlyList<long> _events;
    private readonly string _name;
    private readonly string _description;
    private readonly string _level;
    private readonly string _loadBefore;

    private ClusterSession(
        ServiceBinary binary, ServiceProcess[] services, HaproxyProcess proxy, ServiceApi api, MemoryWatch memory, LoadGenerator generator,
        IWorkload workload, IReadOnlyList<long> events, string name, string description, string level, string loadBefore)
    {
        _binary = binary;
        _services = services;
        _proxy = proxy;
        _api = api;
        Memory = memory;
        Generator = generator;
        Workload = workload;
        _events = events;
        _name = name;
        _description = description;
        _level = level;
        _loadBefore = loadBefore;
    }

    public MemoryWatch Memory { get; }

    public LoadGenerator Generator { get; }

    public IWorkload Workload { get; }

    public static async Task<ClusterSession> StartAsync(
        ServiceBinary binary, ConnectionKind client, string name, string description, string password, string? level, IReadOnlyList<string> connectionStrings,
        IReadOnlyDictionary<string, string> environment, int? databasePid, IReadOnlyList<int> databasePids, Func<Task<ServerCounters>> counters,
        Func<ServiceApi, Task<(IWorkload Workload, IReadOnlyList<long> Events)>> setup)
    {
        var loadBefore = ProcFs.LoadAverage();
        var services = connectionStrings
            .Select(c => ServiceProcess.Start(binary.Dll, new ServiceSettings(c, password, ServiceSettings.DefaultBatchSize, level, environment).Environment(), consoleToFile: true))
            .ToArray();
        HaproxyProcess? proxy = null;
        ServiceApi? api = null;
        try
        {
            // Started together on an empty database: they migrate it together, as a deployment would.
            await Task.WhenAll(services.Select(s => s.WaitUntilReadyAsync(TimeSpan.FromSeconds(120))));
            proxy = await HaproxyProcess.StartAsync([.. services.Select(s => s.Port)]);
            api = new ServiceApi(proxy.Port, ServiceSettings.Username, password);
            await api.WaitUntilReadyAsync(() => false, () => string.Empty);
            var (workload, events) = await setup(api);
            // Every node's CPU counts: the proxy sends each ticketed event to one of them, not necessarily the first.
            var generator = new LoadGenerator(client, proxy.Port, services[0].Pid, databasePid, counters)
            {
                ServicePids = [.. services.Select(s => s.Pid)],
                DatabasePids = databasePids,
            };
            return new ClusterSession(binary, services, proxy, api, new MemoryWatch(services[0].Pid), generator, workload, events, name, description, ServiceSettings.LogLabel(level), loadBefore);
        }
        catch
        {
            api?.Dispose();
            if (proxy is not null)
                await proxy.DisposeAsync();
            foreach (var service in services)
                await service.DisposeAsync();
            throw;
        }
    }

    /// <summary>Checks the books through the proxy, stops every service node (SIGTERM) and audits what they wrote.</summary>
    public async Task<ScenarioResult> FinishAsync(List<Step> steps)
    {
        var books = await Books.CheckAsync(_api, _events, [.. steps.Select(s => s.Load)]);
        var (peak, end) = (Memory.KernelPeakMib, Memory.CurrentMib);
        await Task.WhenAll(_services.Select(s => s.StopAsync()));
        var loadAfter = ProcFs.LoadAverage();
        var audit = await _binary.AuditAsync(_services[0].Environment);
        Console.Error.WriteLine(Inv($"  {_name}: books {(books.Balanced ? "balanced" : "NOT balanced")}: {books.Detail}"));
        Console.Error.WriteLine(Inv($"  {_name}: audit exit {audit.ExitCode}: {ServiceBinary.Tail(audit.Summary, 1)}"));
        return new ScenarioResult(_name, _description, "on (1000)", _level, steps, books, audit, peak, end, _loadBefore, loadAfter, null);
    }

    public async ValueTask DisposeAsync()
    {
        await Memory.DisposeAsync();
        _api.Dispose();
        await _proxy.DisposeAsync();
        foreach (var service in _services)
            await service.DisposeAsync();
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
