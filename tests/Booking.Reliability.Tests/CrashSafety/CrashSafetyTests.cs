using System.Diagnostics;
using System.Globalization;
using Booking.Reliability.Tests.Histories;
using Booking.Reliability.Tests.Service;
using EventBooking.Testing;
using Xunit.Abstractions;

namespace Booking.Reliability.Tests.CrashSafety;

/// <summary>
/// Issue #6, suite 3 (long: tests/long.sh, never ./test.sh): the service, then mariadbd, killed with SIGKILL at
/// seeded random moments under concurrent bookings and cancels. Set EVENTBOOKING_CRASH_SEED to replay a seed's
/// choices (the interleaving still depends on timing).
/// </summary>
[Trait("Category", "Long")]
public sealed class CrashSafetyTests(ITestOutputHelper output)
{
    private const int ServiceKills = 20;
    private const int DatabaseKills = 5;
    private const int Clients = 16;
    private static readonly TimeSpan RecoveryTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Book_and_cancel_while_the_service_is_killed_20_times_keep_every_acknowledgement_and_invent_nothing()
    {
        var seed = Seed();
        output.WriteLine(Inv($"seed {seed} (EVENTBOOKING_CRASH_SEED={seed} replays its choices)"));
        var random = new Random(seed);
        var clock = Stopwatch.StartNew();
        await using var database = await MariaDbServer.InstallAsync(bufferPoolSize: "256M");
        await database.StartAsync();
        var connectionString = await database.CreateDatabaseAsync("crash_service");
        await using var service = await BookingService.StartAsync(connectionString);
        using var client = new RecordingClient([service.BaseAddress]);
        var events = await InitializeAsync(client);

        using var stop = new CancellationTokenSource();
        var load = new BookingLoad(client, events, seed).RunAsync(Clients, cancelShare: 0.25, maxBooks: long.MaxValue, stop.Token);
        var duringStartUp = 0;
        for (var kill = 1; kill <= ServiceKills; kill++)
        {
            await Task.Delay(random.Next(200, 2_500));
            duringStartUp += await service.AnswersAsync() ? 0 : 1;
            service.Kill();
            await Task.Delay(random.Next(0, 500));
            await service.RestartAsync();
            // One restart in four is not waited for: the next kill may then strike during start-up (migration, warm-up).
            if (random.Next(4) != 0)
                await service.WaitUntilReadyAsync(BookingService.StartTimeout);
        }

        await service.WaitUntilReadyAsync(BookingService.StartTimeout);
        await Task.Delay(1_000);
        await stop.CancelAsync();
        await load;

        var verification = await Verification.RunAsync(connectionString, client, events, failuresMayHaveCommitted: false);
        output.WriteLine(Inv($"seed {seed}: {ServiceKills} kills of the service ({duringStartUp} before it answered again; {service.Starts} starts) in {clock.Elapsed.TotalSeconds:0} s"));
        output.WriteLine(verification.Describe());
        verification.History.Violations.ShouldBeEmpty();
        verification.AuditViolations.ShouldBeEmpty();
        verification.StatusMismatches.ShouldBeEmpty();
        verification.History.Acknowledged.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Book_and_cancel_while_mariadbd_is_killed_5_times_keep_every_acknowledgement_and_invent_nothing()
    {
        var seed = Seed();
        output.WriteLine(Inv($"seed {seed} (EVENTBOOKING_CRASH_SEED={seed} replays its choices)"));
        var random = new Random(seed);
        var clock = Stopwatch.StartNew();
        await using var database = await MariaDbServer.InstallAsync(bufferPoolSize: "256M");
        await database.StartAsync();
        var connectionString = await database.CreateDatabaseAsync("crash_database");
        await using var service = await BookingService.StartAsync(connectionString);
        using var client = new RecordingClient([service.BaseAddress]);
        var events = await InitializeAsync(client);

        using var stop = new CancellationTokenSource();
        var load = new BookingLoad(client, events, seed).RunAsync(Clients, cancelShare: 0.25, maxBooks: long.MaxValue, stop.Token);
        var (recoveredAlone, restartedService) = (0, 0);
        for (var kill = 1; kill <= DatabaseKills; kill++)
        {
            await Task.Delay(random.Next(500, 3_000));
            await database.KillAsync();
            await Task.Delay(random.Next(200, 2_000));
            await database.StartAsync();
            if (await AcknowledgesAgainAsync(client))
            {
                recoveredAlone++;
                continue;
            }

            // The service did not recover by itself: restart it, as a supervisor would, and go on.
            restartedService++;
            await service.RestartAsync();
            await service.WaitUntilReadyAsync(BookingService.StartTimeout);
        }

        await Task.Delay(1_000);
        await stop.CancelAsync();
        await load;

        var verification = await Verification.RunAsync(connectionString, client, events, failuresMayHaveCommitted: true);
        output.WriteLine(Inv(
            $"seed {seed}: {DatabaseKills} kills of mariadbd ({DatabaseKills + 1} starts) in {clock.Elapsed.TotalSeconds:0} s; the service recovered by itself {recoveredAlone} time(s) and was restarted {restartedService} time(s)"));
        output.WriteLine(verification.Describe());
        verification.History.Violations.ShouldBeEmpty();
        verification.AuditViolations.ShouldBeEmpty();
        verification.StatusMismatches.ShouldBeEmpty();
        verification.History.Acknowledged.ShouldBeGreaterThan(0);
    }

    private static async Task<List<Guid>> InitializeAsync(RecordingClient client)
    {
        List<Guid> events = [];
        for (var i = 0; i < 4; i++)
            events.Add(await client.InitializeAsync($"crash-safety-{i}", tickets: 25));
        return events;
    }

    /// <summary>True once the running load gets a new acknowledgement after the database came back.</summary>
    private static async Task<bool> AcknowledgesAgainAsync(RecordingClient client)
    {
        var before = client.Acknowledged;
        var deadline = DateTime.UtcNow + RecoveryTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (client.Acknowledged > before)
                return true;
            await Task.Delay(100);
        }

        return false;
    }

    private static int Seed() =>
        int.TryParse(Environment.GetEnvironmentVariable("EVENTBOOKING_CRASH_SEED"), CultureInfo.InvariantCulture, out var seed) ? seed : Random.Shared.Next();

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
