using Booking.Reliability.Tests.Histories;
using Booking.Reliability.Tests.Service;
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
    private static readonly TimeSpan RecoveryTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Book_and_cancel_while_the_service_is_killed_20_times_keep_every_acknowledgement_and_invent_nothing()
    {
        await using var run = await CrashRun.StartAsync(output, "crash_service");
        var (service, random) = (run.Service, run.Random);
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
        await run.VerifyAsync(failuresMayHaveCommitted: false,
            $"{ServiceKills} kills of the service ({duringStartUp} before it answered again; {service.Starts} starts)");
    }

    [Fact]
    public async Task Book_and_cancel_while_mariadbd_is_killed_5_times_keep_every_acknowledgement_and_invent_nothing()
    {
        await using var run = await CrashRun.StartAsync(output, "crash_database");
        var (service, random) = (run.Service, run.Random);
        var (recoveredAlone, restartedService) = (0, 0);
        for (var kill = 1; kill <= DatabaseKills; kill++)
        {
            await Task.Delay(random.Next(500, 3_000));
            await run.Database.KillAsync();
            await Task.Delay(random.Next(200, 2_000));
            await run.Database.StartAsync();
            if (await AcknowledgesAgainAsync(run.Client))
            {
                recoveredAlone++;
                continue;
            }

            // The service did not recover by itself: restart it, as a supervisor would, and go on.
            restartedService++;
            await service.RestartAsync();
            await service.WaitUntilReadyAsync(BookingService.StartTimeout);
        }

        await run.VerifyAsync(failuresMayHaveCommitted: true,
            $"{DatabaseKills} kills of mariadbd ({DatabaseKills + 1} starts); the service recovered by itself {recoveredAlone} time(s) and was restarted {restartedService} time(s)");
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
}
