using System.Globalization;
using EventBooking.Testing;
using Http.Bench.Api;
using Http.Bench.Database;
using Http.Bench.Load;
using Http.Bench.Scenarios;
using Http.Bench.Service;
using MySqlConnector;

namespace Http.Bench.Cluster;

/// <summary>
/// The cluster scenario: for each topology and each count of service nodes, the hot event and the many events through
/// the proxy, each run on a fresh database. The Galera cluster (3 nodes on loopback) is started once, when first needed.
/// </summary>
internal sealed class ClusterRunner(BenchOptions options, BenchServer server, ServiceBinary binary, string password, IReadOnlyDictionary<string, string> environment)
{
    private const int HotTickets = 1_000_000;
    private const int TicketsPerManyEvent = 100_000;

    public async Task<IReadOnlyList<ScenarioResult>> RunAsync()
    {
        var results = new List<ScenarioResult>();
        GaleraCluster? galera = null;
        try
        {
            foreach (var topology in options.Topologies)
            {
                if (topology != ClusterTopology.OneMariaDb)
                    galera ??= await GaleraCluster.StartAsync();
                foreach (var nodes in options.ClusterNodes)
                {
                    results.Add(await RunOneAsync(topology, nodes, many: false, galera));
                    results.Add(await RunOneAsync(topology, nodes, many: true, galera));
                }
            }
        }
        finally
        {
            if (galera is not null)
                await galera.DisposeAsync();
        }

        return results;
    }

    private async Task<ScenarioResult> RunOneAsync(ClusterTopology topology, int nodes, bool many, GaleraCluster? galera)
    {
        var name = Inv($"{(many ? "many" : "hot")} {Label(topology)} x{nodes}");
        var description = Inv($"{(many ? $"{options.ManyEvents:N0} ticketed events" : "hot event")} through HAProxy to {nodes} service node(s), {Describe(topology)}");
        Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {name}: {description}");
        var (connectionStrings, databasePid, counters) = await DatabaseAsync(topology, nodes, many, galera);
        IReadOnlyList<int> databasePids = databasePid is { } d ? [d] : [.. galera!.Nodes.Select(n => n.Pid).OfType<int>()];
        await using var session = await ClusterSession.StartAsync(
            binary, options.Generator, name, description, password, options.LogLevel, connectionStrings, environment, databasePid, databasePids, counters, api => SetUpAsync(api, name, many));
        var load = await session.Generator.RunForAsync(session.Workload, options.Connections, options.Warmup, options.Measure);
        Console.Error.WriteLine(Inv($"  {name}: {load.PerSecond:N0}/s  p50 {load.PercentileMs(50):0.0} ms  p99 {load.PercentileMs(99):0.0} ms  errors {load.Errors}"));
        return await session.FinishAsync([new Step(load, session.Memory.SampledPeakMib)]);
    }

    private async Task<(IReadOnlyList<string>, int?, Func<Task<ServerCounters>>)> DatabaseAsync(ClusterTopology topology, int nodes, bool many, GaleraCluster? galera)
    {
        if (topology == ClusterTopology.OneMariaDb)
        {
            var connectionString = await server.CreateDatabaseAsync(Inv($"cluster_{(many ? "many" : "hot")}_{nodes}"));
            return ([.. Enumerable.Repeat(connectionString, nodes)], server.Pid, server.ReadCountersAsync);
        }

        var database = await galera!.CreateDatabaseAsync("http_cluster");
        var strings = Enumerable.Range(0, nodes)
            .Select(n => ForService(galera.Nodes[topology == ClusterTopology.GaleraOneWriter ? 0 : n % galera.Nodes.Count].DatabaseConnectionString(database)))
            .ToList();
        // Commits, fsyncs and statements of the whole cluster: each node counts its own clients' only.
        async Task<ServerCounters> Counters()
        {
            var each = await Task.WhenAll(galera.Nodes.Select(n => BenchServer.ReadCountersAsync(n.ConnectionString)));
            return each.Aggregate((a, b) => new ServerCounters(a.Commits + b.Commits, a.Fsyncs + b.Fsyncs, a.Questions + b.Questions));
        }

        return (strings, null, Counters);
    }

    private static async Task<(IWorkload, IReadOnlyList<long>)> SetUpAsync(ServiceApi api, string name, bool many)
    {
        if (!many)
        {
            var id = await api.InitializeAsync(name, HotTickets);
            return (new HotEvent(id), [id]);
        }

        var ids = new long[1000];
        await Parallel.ForAsync(0, ids.Length, new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (i, _) => ids[i] = await api.InitializeAsync(Inv($"{name}-{i}"), TicketsPerManyEvent));
        return (new ManyEvents(ids), ids);
    }

    // The service's pool stays at MySqlConnector's defaults, as in BenchServer.
    private static string ForService(string connectionString)
    {
        var builder = new MySqlConnectionStringBuilder(connectionString);
        builder.Remove("Maximum Pool Size");
        builder.Remove("Pooling");
        return builder.ConnectionString;
    }

    private static string Label(ClusterTopology topology) => topology switch
    {
        ClusterTopology.OneMariaDb => "one-mariadb",
        ClusterTopology.GaleraOneWriter => "galera-one-writer",
        _ => "galera-multi-writer",
    };

    private static string Describe(ClusterTopology topology) => topology switch
    {
        ClusterTopology.OneMariaDb => "all on one MariaDB",
        ClusterTopology.GaleraOneWriter => "all writing through Galera node 1 of 3",
        _ => "service node n writing through Galera node n of 3",
    };

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
