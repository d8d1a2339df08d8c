using Booking.Web.Tests.Reliability;
using Xunit.Abstractions;

namespace Booking.Web.Tests.Cluster;

/// <summary>
/// Issue #11: a Galera node killed with SIGKILL in the middle of a randomized history, then started again (it rejoins
/// by incremental state transfer). Its host answers 503 meanwhile; the others stall until the cluster evicts the node
/// (about 6 s here), then go on; the load lasts 20 s so that every kind of answer still comes up. The log must still explain every answer, and the rejoined node must hold it all.
/// </summary>
public sealed class GaleraNodeCrashTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Book_and_cancel_at_random_while_a_galera_node_is_killed_and_rejoins_leaves_a_log_that_explains_every_answer()
    {
        await using var galera = await GaleraCluster.StartAsync();
        await using var cluster = await GaleraHosts.StartAsync(galera, 0, 1, 2);
        var victim = galera.Nodes[2];

        await RandomizedHistory.RunAsync(output, cluster.Hosts, unavailableAllowed: true, duringLoad: async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            await victim.KillAsync();
            output.WriteLine("node3 killed (SIGKILL)");
            await Task.Delay(TimeSpan.FromSeconds(3));
            await victim.StartAsync();
            output.WriteLine("node3 rejoined");
        }, settle: cluster.SettleAsync, duration: TimeSpan.FromSeconds(20));

        await galera.WaitUntilSyncedAsync();
        await galera.WaitUntilAppliedAsync();
        var survivor = await cluster.Hosts[0].Store.ReadAllAsync(0, 1_000_000);
        var rejoined = await cluster.Hosts[2].Store.ReadAllAsync(0, 1_000_000);
        rejoined.Select(e => (e.Position, e.EventId)).ShouldBe(survivor.Select(e => (e.Position, e.EventId)), "the rejoined node holds the whole log");
    }
}
