using System.Globalization;
using Http.Bench.Load;

namespace Http.Bench;

/// <summary>The command line: which scenarios, how long, how many connections, where the report goes.</summary>
internal sealed record BenchOptions(
    IReadOnlyList<string> Scenarios,
    TimeSpan Measure,
    TimeSpan Warmup,
    int Connections,
    IReadOnlyList<int> SweepConnections,
    TimeSpan SweepMeasure,
    int ManyEvents,
    int MemoryBookings,
    bool Build,
    IReadOnlyDictionary<string, string> ServiceEnvironment,
    IReadOnlyDictionary<string, string> Compare,
    int CompareRounds,
    TimeSpan CompareWindow,
    ConnectionKind Generator,
    string? Output)
{
    /// <summary>Service nodes behind the proxy in the cluster scenario, one run per count.</summary>
    public IReadOnlyList<int> ClusterNodes { get; init; } = [1, 2, 3];

    /// <summary>The cluster scenario's topologies, one run per node count each.</summary>
    public IReadOnlyList<Cluster.ClusterTopology> Topologies { get; init; } = Enum.GetValues<Cluster.ClusterTopology>();

    /// <summary>Serilog's default minimum level for every service of the run; null keeps appsettings.json's (Information).</summary>
    public string? LogLevel { get; init; }

    /// <summary>wrk's threads in the wrk scenario (wrk's own default is 2).</summary>
    public int WrkThreads { get; init; } = 2;

    public static readonly string[] AllScenarios = ["hot", "unbatched", "soldout", "many", "logging", "sweep", "memory"];

    /// <summary>Run on request only: the hot event again, with perf and dotnet-counters attached during its window.</summary>
    public const string ProfileScenario = "profile";

    /// <summary>
    /// Run on request only: the hot event and the many events through HAProxy (deploy/haproxy.cfg) in front of 1, 2 and 3
    /// service nodes, on one MariaDB, on Galera through one writer node and on Galera with every node writing.
    /// </summary>
    public const string ClusterScenario = "cluster";

    /// <summary>
    /// Run on request only: an A/B of the hot event without webhooks and with two subscriptions delivering every
    /// booking, one to a receiver answering in 200 ms, one to a dead address (docs/adr/0012-webhook-subscriptions.md).
    /// </summary>
    public const string WebhooksScenario = "webhooks";

    /// <summary>Run on request only: the same load against bench/Http.Ceiling, a server that answers "booked" and does nothing else.</summary>
    public const string CeilingScenario = "ceiling";

    /// <summary>
    /// Run on request only: the hot event and the ceiling driven by wrk (bench/wrk/hot.lua, a new user per request) instead
    /// of this generator, one after the other in the same run, for the ratio of the two by the other generator.
    /// </summary>
    public const string WrkScenario = "wrk";

    /// <summary>Run on request only: an A/B of the shipped console against a console with every per-request line.</summary>
    public const string ConsoleScenario = "console";

    /// <summary>
    /// Run on request only: the hot event, sold out and many events against the ceiling in short alternating windows, so
    /// that each ratio to the ceiling comes from windows that shared the machine's load.
    /// </summary>
    public const string TargetsScenario = "targets";

    public const string Usage =
        """
        dotnet run -c Release --project bench/Http.Bench -- [options]
          --scenarios a,b   any of hot,unbatched,soldout,many,logging,sweep,memory,profile,ceiling,wrk,console,cluster,
                            webhooks,targets (default: all but profile, ceiling, wrk, console, cluster, webhooks and
                            targets; logging, console and webhooks are A/Bs; targets runs hot, soldout and many against
                            the ceiling in --compare-rounds of alternating --compare-seconds windows)
          --cluster-nodes 1,2,3   service nodes behind the proxy in the cluster scenario (default 1,2,3)
          --topologies T,U  the cluster scenario's: one-mariadb, galera-one-writer, galera-multi-writer (default all)
          --profile         add the profile scenario: the hot event with perf and dotnet-counters attached
          --seconds N       measured seconds per scenario (default 10)
          --warmup N        warm-up seconds before each measurement (default 15: a fresh service JIT-compiles that long)
          --connections N   connections for hot, unbatched, soldout, many, logging, ceiling (default 64)
          --sweep 1,8,64    connection counts of the sweep on the hot event (default 1,8,64,256)
          --sweep-seconds N measured seconds per sweep step, after a 1 s warm-up (the first step: --warmup) (default 5)
          --events N        ticketed events in "many" (default 1000)
          --bookings N      bookings made by "memory", one ticketed event with N tickets (default 1000000)
          --no-build        use the existing Release build of src/Booking.Web
          --log-level L     Serilog's default minimum level for every service (default: appsettings.json's, Information, as
                            shipped); --log-level Warning is the setup this bench ran before issue #16
          --wrk-threads N   wrk's threads in the wrk scenario (default 2, wrk's own default)
          --service-env K=V extra environment for the service process (repeatable), for experiments; the ceiling's
                            server gets it too
          --compare K=V     A/B: the hot event on two services, the second with this environment (repeatable),
                            in alternating windows; alone it replaces the scenarios, with --scenarios it follows them
          --compare-rounds N    alternating rounds (default 6)
          --compare-seconds N   measured seconds per window, after a 1 s warm-up (default 3)
          --generator G     the load generator's client: raw (a minimal HTTP/1.1 client over sockets, default) or
                            httpclient (HttpClient with SocketsHttpHandler: the first generator, for comparison)
          --out PATH        report file (default bench/results/http-<date>.md; the chart goes beside it)
        """;

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        var compare = new Dictionary<string, string>(StringComparer.Ordinal);
        var scenariosGiven = false;
        var options = new BenchOptions(
            AllScenarios, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(15), 64, [1, 8, 64, 256], TimeSpan.FromSeconds(5),
            1000, 1_000_000, true, environment, compare, 6, TimeSpan.FromSeconds(3), ConnectionKind.Raw, null);
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.\n{Usage}");
            options = args[i] switch
            {
                "--scenarios" => options with { Scenarios = ScenarioList(Next(), out scenariosGiven) },
                "--seconds" => options with { Measure = Seconds(Next()) },
                "--warmup" => options with { Warmup = Seconds(Next()) },
                "--connections" => options with { Connections = Positive(Next()) },
                "--sweep" => options with { SweepConnections = Next().Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Positive).ToArray() },
                "--sweep-seconds" => options with { SweepMeasure = Seconds(Next()) },
                "--events" => options with { ManyEvents = Positive(Next()) },
                "--bookings" => options with { MemoryBookings = Positive(Next()) },
                "--no-build" => options with { Build = false },
                "--profile" => options with { Scenarios = [.. options.Scenarios.Where(n => n != ProfileScenario), ProfileScenario] },
                "--service-env" => AddVariable(options, environment, Next()),
                "--compare" => AddVariable(options, compare, Next()),
                "--compare-rounds" => options with { CompareRounds = Positive(Next()) },
                "--compare-seconds" => options with { CompareWindow = Seconds(Next()) },
                "--generator" => options with { Generator = ParseGenerator(Next()) },
                "--out" => options with { Output = Next() },
                "--log-level" => options with { LogLevel = Next() },
                "--wrk-threads" => options with { WrkThreads = Positive(Next()) },
                "--cluster-nodes" => options with { ClusterNodes = Next().Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Positive).ToArray() },
                "--topologies" => options with { Topologies = Next().Split(',', StringSplitOptions.RemoveEmptyEntries).Select(ParseTopology).ToArray() },
                "--help" or "-h" => throw new ArgumentException(Usage),
                _ => throw new ArgumentException($"Unknown option {args[i]}.\n{Usage}"),
            };
        }

        return compare.Count > 0 && !scenariosGiven ? options with { Scenarios = [] } : options;
    }

    private static BenchOptions AddVariable(BenchOptions options, Dictionary<string, string> environment, string assignment)
    {
        var equals = assignment.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
            throw new ArgumentException($"--service-env and --compare need KEY=VALUE, not '{assignment}'.");
        environment[assignment[..equals]] = assignment[(equals + 1)..];
        return options;
    }

    private static string[] ScenarioList(string value, out bool given)
    {
        given = true;
        var names = value.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var known = AllScenarios.Append(ProfileScenario).Append(CeilingScenario).Append(WrkScenario).Append(ConsoleScenario).Append(ClusterScenario)
            .Append(WebhooksScenario).Append(TargetsScenario).ToArray();
        var unknown = names.Except(known, StringComparer.Ordinal).ToList();
        return unknown.Count == 0
            ? known.Where(names.Contains).ToArray()
            : throw new ArgumentException($"Unknown scenario(s) {string.Join(", ", unknown)}.\n{Usage}");
    }

    private static ConnectionKind ParseGenerator(string value) => value switch
    {
        "raw" => ConnectionKind.Raw,
        "httpclient" => ConnectionKind.HttpClient,
        _ => throw new ArgumentException($"--generator is raw or httpclient, not '{value}'."),
    };

    private static Cluster.ClusterTopology ParseTopology(string value) => value switch
    {
        "one-mariadb" => Cluster.ClusterTopology.OneMariaDb,
        "galera-one-writer" => Cluster.ClusterTopology.GaleraOneWriter,
        "galera-multi-writer" => Cluster.ClusterTopology.GaleraMultiWriter,
        _ => throw new ArgumentException($"--topologies takes one-mariadb, galera-one-writer, galera-multi-writer, not '{value}'."),
    };

    private static TimeSpan Seconds(string value) =>
        double.Parse(value, CultureInfo.InvariantCulture) is var s and > 0 ? TimeSpan.FromSeconds(s) : throw new ArgumentException($"{value} is not a positive number of seconds.");

    private static int Positive(string value) =>
        int.Parse(value, CultureInfo.InvariantCulture) is var n and > 0 ? n : throw new ArgumentException($"{value} is not a positive number.");
}
