using System.Net;
using Booking.Web.Tests.Hosting;

namespace Booking.Web.Tests.Cluster;

/// <summary>Service hosts on one database of a Galera cluster, host n writing through node <c>nodes[n]</c>.</summary>
internal sealed class GaleraHosts : IAsyncDisposable
{
    // Hosts on different nodes conflict all the time by design; their warnings would bury the test output.
    private static readonly Dictionary<string, string?> QuietConflicts = new() { ["Serilog:MinimumLevel:Override:Booking.Core.Processing"] = "Error" };

    private readonly GaleraCluster _cluster;

    private GaleraHosts(GaleraCluster cluster, BookingHost[] hosts)
    {
        _cluster = cluster;
        Hosts = hosts;
    }

    public BookingHost[] Hosts { get; }

    /// <summary>Waits until every node has applied what the hosts wrote, before the checks read it.</summary>
    public Task SettleAsync() => _cluster.WaitUntilAppliedAsync();

    /// <summary>
    /// Starts one host per entry of <paramref name="nodes"/> at the same time on an empty database, so that they
    /// migrate it together, each through its node, and returns once every host is ready.
    /// </summary>
    public static async Task<GaleraHosts> StartAsync(GaleraCluster cluster, params int[] nodes)
    {
        var name = await cluster.CreateDatabaseAsync("web");
        var hosts = nodes.Select(n => new BookingHost(TestDatabase.OnGalera(cluster.Nodes[n], name), settings: QuietConflicts)).ToArray();
        var started = new GaleraHosts(cluster, hosts);
        try
        {
            await Task.WhenAll(hosts.Select(h => Task.Run(() => WaitUntilReadyAsync(h))));
            return started;
        }
        catch
        {
            await started.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in Hosts)
            await host.DisposeAsync();
    }

    private static async Task WaitUntilReadyAsync(BookingHost host)
    {
        using var client = host.CreateClient();
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if ((await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode == HttpStatusCode.OK)
                return;
            await Task.Delay(100);
        }

        throw new TimeoutException("A host on the Galera cluster was not ready within 60 s.");
    }
}
