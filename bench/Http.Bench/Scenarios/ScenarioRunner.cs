using System.Globalization;
using Http.Bench.Api;
using Http.Bench.Database;
using Http.Bench.Load;
using Http.Bench.Load.Wrk;
using Http.Bench.Profiling;
using Http.Bench.Service;

namespace Http.Bench.Scenarios;

/// <summary>
/// Runs each scenario against its own service process and its own database: start, create the ticketed events,
/// drive the load, check the books through the status route, read the service's peak RSS, stop it (SIGTERM), then
/// run <c>audit --all</c> over what it wrote.
/// </summary>
internal sealed class ScenarioRunner(BenchOptions options, BenchServer server, ServiceBinary binary)
{
    private const string LevelKey = "Serilog__MinimumLevel__Default";
    private const double SoldOutCancelShare = 0.2;
    private const int SoldOutTickets = 1_000;
    private const int HotTickets = 1_000_000;
    private const int TicketsPerManyEvent = 100_000;

    private readonly string _password = Convert.ToHexString(Guid.NewGuid().ToByteArray());

    public async Task<IReadOnlyList<ScenarioResult>> RunAsync(string scenario) => scenario switch
    {
        // The run's logging (as shipped unless --log-level) against the Warning level this bench used before issue #16.
        "logging" => await CompareAsync("logging", new Dictionary<string, string> { [LevelKey] = options.LogLevel == "Warning" ? "Information" : "Warning" }),
        BenchOptions.WrkScenario => await WrkAsync(),
        BenchOptions.ClusterScenario => await new Cluster.ClusterRunner(options, server, binary, _password, Environment(null)).RunAsync(),
        _ => [await RunOneAsync(scenario)],
    };

    private Task<ScenarioResult> RunOneAsync(string scenario) => scenario switch
    {
        "hot" => Hot("hot", "Hot event: one ticketed event, every request books a new user", ServiceSettings.DefaultBatchSize, options.LogLevel),
        "unbatched" => Hot("unbatched", "Hot event with batching off (Processing:MaxBatchSize=1): one booking per append", 1, options.LogLevel),
        "soldout" => SoldOutRun(),
        "many" => Many(),
        "sweep" => Sweep(),
        "memory" => Memory(),
        BenchOptions.ProfileScenario => Profile(),
        BenchOptions.CeilingScenario => Ceiling(),
        _ => throw new ArgumentOutOfRangeException(nameof(scenario), scenario, "Unknown scenario."),
    };

    private Task<ScenarioResult> Hot(string name, string description, int batch, string? level) =>
        RunAsync(name, description, batch, level,
            async api => Single(await api.InitializeAsync(name, HotTickets), id => new HotEvent(id)),
            async (generator, workload, memory) => [await MeasureAsync(generator, workload, options.Connections, options.Warmup, options.Measure, memory)]);

    // The hot event once more, with the service's perf map on; the tools watch all of the window but its last second.
    private Task<ScenarioResult> Profile()
    {
        ServiceProfile? profile = null;
        return RunAsync(BenchOptions.ProfileScenario, "Profile: the hot event with perf and dotnet-counters attached to the service during the window",
            ServiceSettings.DefaultBatchSize, options.LogLevel,
            async api => Single(await api.InitializeAsync("profile", HotTickets), id => new HotEvent(id)),
            async (generator, workload, memory) => [await MeasureAsync(generator, workload, options.Connections, options.Warmup, options.Measure, memory,
                async () => profile = await ServiceProfile.CollectAsync(generator.ServicePid, options.Measure - TimeSpan.FromSeconds(1), Directory.CreateTempSubdirectory("eventbooking-http-profile-").FullName))],
            ServiceProfile.ServiceEnvironment,
            () => profile);
    }

    // The hot event's requests, with the same generator and connections, against a server that only answers.
    private async Task<ScenarioResult> Ceiling()
    {
        Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {CeilingSession.Name}: {CeilingSession.Description}");
        await using var session = await CeilingSession.StartAsync(binary.RepositoryRoot, server, options.Generator, options.ServiceEnvironment);
        var step = await MeasureAsync(session.Generator, new HotEvent(1), options.Connections, options.Warmup, options.Measure, session.Memory);
        return await session.FinishAsync(step);
    }

    // The hot event, then the ceiling, driven by wrk: a warm-up run and a measured run each, every run with new users.
    // A third run on the ceiling sends one request formatted once (wrk's cheapest mode): what the per-request Lua costs.
    private async Task<IReadOnlyList<ScenarioResult>> WrkAsync()
    {
        var (threads, connections) = (options.WrkThreads, options.Connections);
        var results = new List<ScenarioResult>();
        var hotName = "wrk hot";
        Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {hotName}: {WrkRun.CommandLine(threads, connections, options.Measure, false)}");
        await using (var session = await ServiceSession.StartAsync(server, binary, options.Generator, hotName,
            Inv($"Hot event driven by wrk ({threads} threads, {connections} connections, bench/wrk/hot.lua: a new user per request)"),
            ServiceSettings.DefaultBatchSize, options.LogLevel, _password, Environment(null), async api => Single(await api.InitializeAsync("wrk", HotTickets), id => new HotEvent(id))))
        {
            var wrk = new WrkRun(binary.RepositoryRoot, session.Port, session.Pid, server.Pid, server.ReadCountersAsync);
            var warmup = await wrk.RunAsync(session.Events[0], 0, threads, connections, options.Warmup, measured: false);
            session.Memory.Restart();
            var load = await wrk.RunAsync(session.Events[0], 1, threads, connections, options.Measure, measured: true);
            Print(load);
            results.Add(await session.FinishAsync([new Step(load, session.Memory.SampledPeakMib)], null, [warmup], inFlightAtStop: 2L * connections));
        }

        Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] wrk ceiling: the same wrk runs against bench/Http.Ceiling");
        await using var ceiling = await CeilingSession.StartAsync(binary.RepositoryRoot, server, options.Generator, options.ServiceEnvironment);
        var bare = new WrkRun(binary.RepositoryRoot, ceiling.Port, ceiling.Pid, server.Pid, server.ReadCountersAsync);
        await bare.RunAsync(1, 0, threads, connections, options.Warmup, measured: false);
        ceiling.Memory.Restart();
        var dynamic = await bare.RunAsync(1, 1, threads, connections, options.Measure, measured: true);
        Print(dynamic);
        var fixedRequest = await bare.RunAsync(1, 2, threads, connections, options.Measure, measured: true, staticRequest: true);
        Print(fixedRequest);
        var step = new Step(dynamic, ceiling.Memory.SampledPeakMib);
        results.Add(await ceiling.FinishAsync(step, "wrk ceiling", Inv($"Ceiling driven by wrk as above ({threads} threads, {connections} connections)")));
        results.Add(results[^1] with
        {
            Name = "wrk ceiling static",
            Description = "Ceiling driven by wrk with one request formatted once in init() (bench/wrk/hot.lua ... static): wrk without per-request Lua",
            Steps = [new Step(fixedRequest, step.SampledPeakRssMib)],
        });
        return results;

        static void Print(LoadResult load) =>
            Console.Error.WriteLine(Inv($"  {load.Connections,3} connections: {load.PerSecond,9:N0}/s  p50 {load.PercentileMs(50):0.0} ms  p99 {load.PercentileMs(99):0.0} ms  errors {load.Errors}  wrk {load.Cpu.LoadGenerator:0.00} cores"));
    }

    private Task<ScenarioResult> SoldOutRun() =>
        RunAsync("soldout",
            Inv($"Sold out: {SoldOutTickets:N0} tickets, {1 - SoldOutCancelShare:P0} bookings of new users, {SoldOutCancelShare:P0} cancels of acknowledged users (half booked, promoting the first waiting user; half waiting)"),
            ServiceSettings.DefaultBatchSize, options.LogLevel,
            async api => Single(await api.InitializeAsync("soldout", SoldOutTickets), id => new SoldOut(id, SoldOutCancelShare)),
            async (generator, workload, memory) => [await MeasureAsync(generator, workload, options.Connections, options.Warmup, options.Measure, memory)]);

    private Task<ScenarioResult> Many() =>
        RunAsync("many", Inv($"Many events: {options.ManyEvents:N0} ticketed events, each request books a new user on one picked uniformly"),
            ServiceSettings.DefaultBatchSize, options.LogLevel,
            async api =>
            {
                var ids = new long[options.ManyEvents];
                await Parallel.ForAsync(0, ids.Length, new ParallelOptions { MaxDegreeOfParallelism = 16 },
                    async (i, _) => ids[i] = await api.InitializeAsync(Inv($"many-{i}"), TicketsPerManyEvent));
                return (new ManyEvents(ids), ids);
            },
            async (generator, workload, memory) => [await MeasureAsync(generator, workload, options.Connections, options.Warmup, options.Measure, memory)]);

    // One service and one ticketed event for every step; the first step gets the full warm-up, the others a second.
    private Task<ScenarioResult> Sweep() =>
        RunAsync("sweep", Inv($"Hot event at {string.Join(", ", options.SweepConnections)} connections, one after another on one service"),
            ServiceSettings.DefaultBatchSize, options.LogLevel,
            async api => Single(await api.InitializeAsync("sweep", HotTickets), id => new HotEvent(id)),
            async (generator, workload, memory) =>
            {
                var steps = new List<Step>();
                foreach (var connections in options.SweepConnections)
                {
                    var warmup = steps.Count == 0 ? options.Warmup : TimeSpan.FromSeconds(1);
                    steps.Add(await MeasureAsync(generator, new Offset(workload, steps.Count), connections, warmup, options.SweepMeasure, memory));
                }
                return steps;
            });

    private Task<ScenarioResult> Memory() =>
        RunAsync("memory", Inv($"Memory: {options.MemoryBookings:N0} bookings on one ticketed event with as many tickets, no warm-up"),
            ServiceSettings.DefaultBatchSize, options.LogLevel,
            async api => Single(await api.InitializeAsync("memory", options.MemoryBookings), id => new HotEvent(id)),
            async (generator, workload, memory) =>
            {
                memory.Restart();
                var load = await generator.RunCountAsync(workload, options.Connections, options.MemoryBookings);
                return [new Step(load, memory.SampledPeakMib)];
            });

    private static async Task<Step> MeasureAsync(
        LoadGenerator generator, IWorkload workload, int connections, TimeSpan warmup, TimeSpan measure, MemoryWatch memory, Func<Task>? whileMeasuring = null)
    {
        memory.Restart();
        var load = await generator.RunForAsync(workload, connections, warmup, measure, whileMeasuring);
        Console.Error.WriteLine(Inv($"  {connections,3} connections: {load.PerSecond,9:N0}/s  p50 {load.PercentileMs(50):0.0} ms  p99 {load.PercentileMs(99):0.0} ms  errors {load.Errors}  answers/commit {load.AnswersPerCommit:0.0}"));
        return new Step(load, memory.SampledPeakMib);
    }

    private async Task<ScenarioResult> RunAsync(
        string name, string description, int batch, string? level,
        Func<ServiceApi, Task<(IWorkload Workload, IReadOnlyList<long> Events)>> setup,
        Func<LoadGenerator, IWorkload, MemoryWatch, Task<List<Step>>> drive,
        IReadOnlyDictionary<string, string>? environment = null,
        Func<ServiceProfile?>? profile = null)
    {
        Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {name}: {description}");
        await using var session = await ServiceSession.StartAsync(server, binary, options.Generator, name, description, batch, level, _password, Environment(environment), setup);
        var steps = await drive(session.Generator, session.Workload, session.Memory);
        return await session.FinishAsync(steps, profile?.Invoke());
    }

    /// <summary>
    /// Two services side by side, identical but for <paramref name="variant"/>, each warmed up, then short windows
    /// alternate between them so that load from other work on the machine falls on both alike. Two results, "NAME A"
    /// (the baseline) and "NAME B" (the variant), each with its rounds combined.
    /// </summary>
    public async Task<IReadOnlyList<ScenarioResult>> CompareAsync(string name, IReadOnlyDictionary<string, string> variant)
    {
        var label = string.Join(' ', variant.Select(v => $"{v.Key}={v.Value}"));
        Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {name}: hot event, A = baseline, B = {label}, {options.CompareRounds} alternating rounds");
        var levelB = variant.TryGetValue(LevelKey, out var level) ? level : options.LogLevel;
        await using var baseline = await ServiceSession.StartAsync(server, binary, options.Generator, name + " A", $"A/B baseline for {label}", ServiceSettings.DefaultBatchSize, options.LogLevel, _password, Environment(null), InitializeHotAsync);
        await using var changed = await ServiceSession.StartAsync(server, binary, options.Generator, name + " B", $"A/B variant: {label}", ServiceSettings.DefaultBatchSize, levelB, _password, Environment(variant), InitializeHotAsync);
        var warmupA = await baseline.Generator.RunForAsync(new Offset(baseline.Workload, 99), options.Connections, TimeSpan.Zero, options.Warmup);
        var warmupB = await changed.Generator.RunForAsync(new Offset(changed.Workload, 99), options.Connections, TimeSpan.Zero, options.Warmup);

        var a = new List<LoadResult>();
        var b = new List<LoadResult>();
        for (var round = 0; round < options.CompareRounds; round++)
        {
            foreach (var (session, results) in round % 2 == 0 ? [(baseline, a), (changed, b)] : new[] { (changed, b), (baseline, a) })
                results.Add((await MeasureAsync(session.Generator, new Offset(session.Workload, round), options.Connections, TimeSpan.FromSeconds(1), options.CompareWindow, session.Memory)).Load);
        }

        return [await baseline.FinishAsync([new Step(LoadResult.Combine(a), baseline.Memory.SampledPeakMib)], null, [warmupA]),
                await changed.FinishAsync([new Step(LoadResult.Combine(b), changed.Memory.SampledPeakMib)], null, [warmupB])];
    }

    private static async Task<(IWorkload, IReadOnlyList<long>)> InitializeHotAsync(ServiceApi api) =>
        Single(await api.InitializeAsync("hot", HotTickets), id => new HotEvent(id));

    private Dictionary<string, string> Environment(IReadOnlyDictionary<string, string>? scenario) =>
        options.ServiceEnvironment.Concat(scenario ?? new Dictionary<string, string>()).ToDictionary(StringComparer.Ordinal);

    private static (IWorkload, IReadOnlyList<long>) Single(long id, Func<long, IWorkload> workload) => (workload(id), [id]);

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    // Each sweep step's workers start from their own user-id range, so no step repeats another's users.
    private sealed class Offset(IWorkload inner, int step) : IWorkload
    {
        public IWorker CreateWorker(int index) => inner.CreateWorker(((step + 1) * 1000) + index);
    }
}
