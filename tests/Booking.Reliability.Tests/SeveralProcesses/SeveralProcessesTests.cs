using System.Diagnostics;
using System.Globalization;
using Booking.Reliability.Tests.Histories;
using Booking.Reliability.Tests.Service;
using EventBooking.Migrations;
using Xunit.Abstractions;

namespace Booking.Reliability.Tests.SeveralProcesses;

/// <summary>
/// Issue #6, suite 4: three service processes on one MariaDB database, clients spread round-robin across them.
/// Each process has its own processor per ticketed event; only the store's expected-version check stands between
/// them and an oversold seat.
/// </summary>
public sealed class SeveralProcessesTests(ITestOutputHelper output)
{
    private const int Processes = 3;
    private const int Seed = 20_261_127;

    [Fact]
    public async Task Book_and_cancel_through_three_processes_on_one_database_never_oversells_and_keeps_every_acknowledgement()
    {
        var clock = Stopwatch.StartNew();
        await using var database = await TestDatabase.CreateAsync(StoreProvider.MySql, "processes");
        var connectionString = database.ConnectionString;
        // Deployed together: the three migrate the empty database at the same time.
        var starting = Enumerable.Range(0, Processes).Select(_ => BookingService.StartAsync(connectionString)).ToList();
        try
        {
            var services = await Task.WhenAll(starting);
            var started = clock.Elapsed;
            using var client = new RecordingClient([.. services.Select(s => s.BaseAddress)]);
            List<long> events = [];
            for (var i = 0; i < 4; i++)
                events.Add(await client.InitializeAsync($"several-processes-{i}", tickets: 10));

            await new BookingLoad(client, events, Seed).RunAsync(clients: 24, cancelShare: 0.25, maxBooks: 600, CancellationToken.None);
            var loaded = clock.Elapsed;

            var verification = await Verification.RunAsync(connectionString, client, events, failuresMayHaveCommitted: false);
            var audit = await BookingService.AuditAllAsync(services[0].Environment);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"seed {Seed}, {Processes} processes started in {started.TotalSeconds:0.0} s, load until {loaded.TotalSeconds:0.0} s, checked at {clock.Elapsed.TotalSeconds:0.0} s"));
            output.WriteLine($"{verification.Describe()}\naudit --all: exit {audit.ExitCode}: {audit.Output}");
            verification.History.HistoryViolations.ShouldBeEmpty();
            verification.AuditViolations.ShouldBeEmpty();
            verification.StatusMismatches.ShouldBeEmpty();
            audit.ExitCode.ShouldBe(0, audit.Output);
            for (var process = 0; process < Processes; process++)
                client.Operations.Count(o => o.Endpoint == process && o.Answer.IsAcknowledged).ShouldBeGreaterThan(0, $"process #{process} acknowledged nothing");
            client.Operations.Count(o => o.Answer.Outcome == Outcome.Waitlisted).ShouldBeGreaterThan(0, "the load never went past capacity");
            client.Operations.Count(o => o.Answer.Outcome == Outcome.Cancelled).ShouldBeGreaterThan(0, "no seat was ever given back");
        }
        finally
        {
            foreach (var start in starting.Where(s => s.IsCompletedSuccessfully))
                await (await start).DisposeAsync();
        }
    }
}
