using System.Diagnostics;
using System.Globalization;
using Booking.Reliability.Tests.Histories;
using Booking.Reliability.Tests.Service;
using EventBooking.Testing.Processes;
using Xunit.Abstractions;

namespace Booking.Reliability.Tests.Cluster;

/// <summary>
/// Issue #11: three service processes, each writing through its own node of a 3-node Galera cluster, behind HAProxy
/// running deploy/haproxy.cfg (every request of a ticketed event to one service node). Clients talk to the proxy only.
/// One service process is killed with SIGKILL mid-run and started again: the proxy's health check takes it out and
/// puts it back, its ticketed events move to another node and back, and the store's version check keeps the moved
/// events honest.
/// </summary>
public sealed class ProxyFailoverTests(ITestOutputHelper output)
{
    private const int Seed = 20_261_201;

    [Fact]
    public async Task Book_and_cancel_through_the_proxy_while_a_service_node_is_killed_and_restarted_never_oversells_and_keeps_every_acknowledgement()
    {
        var clock = Stopwatch.StartNew();
        await using var galera = await GaleraCluster.StartAsync();
        var database = await galera.CreateDatabaseAsync("proxy");
        // Deployed together: the three migrate the empty database at the same time, each through its own node.
        var starting = galera.Nodes.Select(n => BookingService.StartAsync(n.DatabaseConnectionString(database))).ToList();
        try
        {
            var services = await Task.WhenAll(starting);
            await using var proxy = await HaproxyProcess.StartAsync([.. services.Select(s => s.Port)]);
            using var client = new RecordingClient([proxy.BaseAddress]);
            List<long> events = [];
            for (var i = 0; i < 6; i++)
                events.Add(await client.InitializeAsync($"behind-the-proxy-{i}", tickets: 10));
            output.WriteLine(Inv($"cluster, 3 services and the proxy up at {clock.Elapsed.TotalSeconds:0.0} s"));

            using var stop = new CancellationTokenSource();
            var load = new BookingLoad(client, events, Seed).RunAsync(clients: 16, cancelShare: 0.25, maxBooks: long.MaxValue, stop.Token);
            await Task.Delay(TimeSpan.FromSeconds(3));
            var beforeKill = client.Acknowledged;
            services[1].Kill();
            output.WriteLine(Inv($"service 2 killed (SIGKILL) at {clock.Elapsed.TotalSeconds:0.0} s after {beforeKill} acknowledgements"));
            await Task.Delay(TimeSpan.FromSeconds(4));
            var whileDown = client.Acknowledged - beforeKill;
            await services[1].RestartAsync();
            output.WriteLine(Inv($"service 2 back at {clock.Elapsed.TotalSeconds:0.0} s; {whileDown} acknowledgements while it was down"));
            await Task.Delay(TimeSpan.FromSeconds(4));
            await stop.CancelAsync();
            await load;
            await galera.WaitUntilAppliedAsync();

            var verification = await Verification.RunAsync(galera.Nodes[0].DatabaseConnectionString(database), client, events, failuresMayHaveCommitted: true);
            var audit = await BookingService.AuditAllAsync(services[2].Environment);
            var outcomes = client.Operations.CountBy(o => o.Answer.Outcome).OrderBy(c => c.Key).Select(c => $"{c.Value} {c.Key}");
            output.WriteLine($"{client.Operations.Count} requests: {string.Join(", ", outcomes)}\n{verification.Describe()}\naudit --all: exit {audit.ExitCode}: {audit.Output}");
            verification.History.HistoryViolations.ShouldBeEmpty();
            verification.AuditViolations.ShouldBeEmpty();
            verification.StatusMismatches.ShouldBeEmpty();
            audit.ExitCode.ShouldBe(0, audit.Output);
            whileDown.ShouldBeGreaterThan(0, "the proxy never took the dead service out");
            client.Operations.Count(o => o.Answer.Outcome == Outcome.Waitlisted).ShouldBeGreaterThan(0, "the load never went past capacity");
            client.Operations.Count(o => o.Answer.Outcome == Outcome.Cancelled).ShouldBeGreaterThan(0, "no seat was ever given back");
        }
        finally
        {
            foreach (var start in starting.Where(s => s.IsCompletedSuccessfully))
                await (await start).DisposeAsync();
        }
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
