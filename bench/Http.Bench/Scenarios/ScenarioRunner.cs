using System.Globalization;
using EventBooking.Testing.Webhooks;
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
internal sealed partial class ScenarioRunner(BenchOptions options, BenchServer server, ServiceBinary binary)
{
    private const string LevelKey = "Serilog__MinimumLevel__Default";
    private const double SoldOutCancelShare = 0.2;
    private const int SoldOutTickets = 1_000;
    private const int HotTickets = 1_000_000;
    private const int TicketsPerManyEvent = 100_000;

    // wrk's user ids per round stay below the raw generator's (bench/wrk/hot.lua).
    private const int WrkMaxRounds = 8;

    private readonly string _password = Convert.ToHexString(Guid.NewGuid().ToByteArray());

    public async Task<IReadOnlyList<ScenarioResult>> RunAsync(string scenario) => scenario switch
    {
        // The run's logging (as shipped unless --log-level) against the Warning level this bench used before issue #16.
        "logging" => await CompareAsync("logging", new Dictionary<string, string> { [LevelKey] = options.LogLevel == "Warning" ? "Information" : "Warning" }),
        // The shipped console (no per-request lines) against one that has every line, as shipped before issue #16.
        BenchOptions.ConsoleScenario => await CompareAsync("console", new Dictionary<string, string> { ["Serilog__WriteTo__0__Args__configure__0__Name"] = "Console" }),
        BenchOptions.WrkScenario => await WrkAsync(),
        BenchOptions.ClusterScenario => await new Cluster.ClusterRunner(options, server, binary, _password, Environment(null)).RunAsync(),
        BenchOptions.WebhooksScenario => await WebhooksAsync(),
        BenchOptions.TargetsScenario => await TargetsAsync(),
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

    // Both generators against one service (the hot event) and one ceiling, in short alternating windows, so that load
    // from other work on the machine falls on all four alike: the two generators' ratios to the ceiling from one run.
    // A fifth window sends wrk's cheapest request (one formatted once, to the ceiling only): what the per-request Lua costs.
    private async Task<IReadOnlyList<ScenarioResult>> WrkAsync()
    {
        var (threads, connections, window) = (options.WrkThreads, options.Connections, options.CompareWindow);
        var rounds = Math.Min(options.CompareRounds, WrkMaxRounds);
        Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] generators: raw and {WrkRun.CommandLine(threads, connections, window, false)}, {rounds} rounds of alternating windows against the hot event and the ceiling");
        await using var service = await StartShippedAsync("gen hot", "Hot event, the two generators in alternating windows", InitializeHotAsync);
        await using var ceiling = await CeilingSession.StartAsync(binary.RepositoryRoot, server, options.Generator, options.ServiceEnvironment);
        var wrkService = new WrkRun(binary.RepositoryRoot, service.Port, service.Pid, server.Pid, server.ReadCountersAsync);
        var wrkCeiling = new WrkRun(binary.RepositoryRoot, ceiling.Port, ceiling.Pid, server.Pid, server.ReadCountersAsync);
        var hotId = service.Events[0];

        // User ids: wrk's round r uses (r * 100 + thread) * 10^8 up, the raw generator's window w ((w + 1) * 1000 + worker) * 10^8.
        var unreported = new List<LoadResult>
        {
            await service.Generator.RunForAsync(new Offset(service.Workload, 900), connections, TimeSpan.Zero, options.Warmup),
            await wrkService.RunAsync(hotId, WrkMaxRounds + 1, threads, connections, options.Warmup, measured: false),
        };
        await ceiling.Generator.RunForAsync(new Offset(new HotEvent(1), 900), connections, TimeSpan.Zero, options.Warmup);
        await wrkCeiling.RunAsync(1, WrkMaxRounds + 1, threads, connections, options.Warmup, measured: false);

        var windows = new (string Name, Func<int, Task<LoadResult>> Run, List<LoadResult> Results)[]
        {
            ("gen raw hot", r => service.Generator.RunForAsync(new Offset(service.Workload, r), connections, TimeSpan.Zero, window), []),
            ("gen wrk hot", r => wrkService.RunAsync(hotId, r, threads, connections, window, measured: true), []),
            ("gen raw ceiling", r => ceiling.Generator.RunForAsync(new Offset(new HotEvent(1), r), connections, TimeSpan.Zero, window), []),
            ("gen wrk ceiling", r => wrkCeiling.RunAsync(1, r, threads, connections, window, measured: true), []),
            ("gen wrk ceiling static", r => wrkCeiling.RunAsync(1, r, threads, connections, window, measured: true, staticRequest: true), []),
        };
        await RotateAsync(rounds, windows.Select(w => (Func<int, Task>)(async round =>
        {
            var load = await w.Run(round);
            w.Results.Add(load);
            Console.Error.WriteLine(Inv($"  {w.Name,-22} {load.PerSecond,9:N0}/s  p99 {load.PercentileMs(99):0.0} ms  errors {load.Errors}  generator {load.Cpu.LoadGenerator:0.00} cores"));
        })).ToList());

        var combined = windows.ToDictionary(w => w.Name, w => new Step(Combined(w.Results), 0), StringComparer.Ordinal);
        var wrkRunsOnService = rounds + 1;
        var hot = await service.FinishAsync([combined["gen raw hot"], combined["gen wrk hot"]], null, unreported, inFlightAtStop: (long)wrkRunsOnService * connections);
        var bare = await ceiling.FinishAsync(combined["gen raw ceiling"], "gen raw ceiling", "Ceiling, the two generators in alternating windows");
        string Describe(string name) => Inv($"{name}: {rounds} windows of {window.TotalSeconds:0} s alternating with the others; wrk {threads} threads, {connections} connections");
        return
        [
            hot with { Name = "gen raw hot", Description = Describe("Hot event by this harness's generator"), Steps = [hot.Steps[0]] },
            hot with { Name = "gen wrk hot", Description = Describe("Hot event by wrk (bench/wrk/hot.lua)"), Steps = [hot.Steps[1]] },
            bare with { Description = Describe("Ceiling by this harness's generator") },
            bare with { Name = "gen wrk ceiling", Description = Describe("Ceiling by wrk"), Steps = [combined["gen wrk ceiling"]] },
            bare with { Name = "gen wrk ceiling static", Description = Describe("Ceiling by wrk with one request formatted once in init() (hot.lua ... static)"), Steps = [combined["gen wrk ceiling static"]] },
        ];
    }

    // wrk's percentiles come per run; combined, each is the median of the windows' (the raw generator's are exact).
    private static LoadResult Combined(List<LoadResult> windows)
    {
        var combined = LoadResult.Combine(windows);
        if (windows[0].ReportedPercentilesMs is null)
            return combined;
        double Median(double p) => windows.Select(w => w.PercentileMs(p)).Order().ElementAt(windows.Count / 2);
        return combined with { ReportedPercentilesMs = new Dictionary<double, double> { [50] = Median(50), [99] = Median(99), [99.9] = Median(99.9) } };
    }

    private static string SoldOutDescription =>
        Inv($"Sold out: {SoldOutTickets:N0} tickets, {1 - SoldOutCancelShare:P0} bookings of new users, {SoldOutCancelShare:P0} cancels of acknowledged users (half booked, promoting the first waiting user; half waiting)");

    private string ManyDescription => Inv($"Many events: {options.ManyEvents:N0} ticketed events, each request books a new user on one picked uniformly");

    private Task<ScenarioResult> SoldOutRun() =>
        RunAsync("soldout", SoldOutDescription, ServiceSettings.DefaultBatchSize, options.LogLevel, InitializeSoldOutAsync,
            async (generator, workload, memory) => [await MeasureAsync(generator, workload, options.Connections, options.Warmup, options.Measure, memory)]);

    private Task<ScenarioResult> Many() =>
        RunAsync("many", ManyDescription, ServiceSettings.DefaultBatchSize, options.LogLevel, InitializeManyAsync,
            async (generator, workload, memory) => [await MeasureAsync(generator, workload, options.Connections, options.Warmup, options.Measure, memory)]);

    private static async Task<(IWorkload, IReadOnlyList<long>)> InitializeSoldOutAsync(ServiceApi api) =>
        Single(await api.InitializeAsync("soldout", SoldOutTickets), id => new SoldOut(id, SoldOutCancelShare));

    private async Task<(IWorkload, IReadOnlyList<long>)> InitializeManyAsync(ServiceApi api)
    {
        var ids = new long[options.ManyEvents];
        await Parallel.ForAsync(0, ids.Length, new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (i, _) => ids[i] = await api.InitializeAsync(Inv($"many-{i}"), TicketsPerManyEvent));
        return (new ManyEvents(ids), ids);
    }

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
    public async Task<IReadOnlyList<ScenarioResult>> CompareAsync(
        string name, IReadOnlyDictionary<string, string> variant, Func<ServiceApi, Task>? prepareB = null, string? describeB = null)
    {
        var label = describeB ?? string.Join(' ', variant.Select(v => $"{v.Key}={v.Value}"));
        Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {name}: hot event, A = baseline, B = {label}, {options.CompareRounds} alternating rounds");
        var levelB = variant.TryGetValue(LevelKey, out var level) ? level : options.LogLevel;
        await using var baseline = await StartShippedAsync(name + " A", $"A/B baseline for {label}", InitializeHotAsync);
        await using var changed = await ServiceSession.StartAsync(server, binary, options.Generator, name + " B", $"A/B variant: {label}", ServiceSettings.DefaultBatchSize, levelB, _password, Environment(variant),
            async api =>
            {
                if (prepareB is not null)
                    await prepareB(api);
                return await InitializeHotAsync(api);
            });
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

    // B delivers every booking twice over: to a receiver that takes 200 ms per answer (deliveries are always in flight,
    // a backlog grows) and to an address nothing listens on (every attempt fails and is retried, up to 100 times).
    private async Task<IReadOnlyList<ScenarioResult>> WebhooksAsync()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var variant = new Dictionary<string, string> { ["Webhooks__MaxAttempts"] = "100" };
        return await CompareAsync(BenchOptions.WebhooksScenario, variant, async api =>
        {
            receiver.Expect("slow", await api.CreateWebhookAsync(receiver.UrlOf("slow")), new ReceiverBehaviour(Delay: TimeSpan.FromMilliseconds(200)));
            await api.CreateWebhookAsync("http://127.0.0.1:9/dead");
        }, "webhook subscriptions to a receiver answering in 200 ms and to a dead address (Webhooks__MaxAttempts=100)");
    }

    // A service as the run ships it (batching on, the run's log level, no extra environment), set up by setup.
    private Task<ServiceSession> StartShippedAsync(string name, string description, Func<ServiceApi, Task<(IWorkload, IReadOnlyList<long>)>> setup) =>
        ServiceSession.StartAsync(server, binary, options.Generator, name, description, ServiceSettings.DefaultBatchSize, options.LogLevel, _password, Environment(null), setup);

    // Rounds of windows; the order turns by one window each round, so that no window always follows the same one.
    private static async Task RotateAsync(int rounds, List<Func<int, Task>> windows)
    {
        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < windows.Count; i++)
                await windows[(i + round) % windows.Count](round);
        }
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
