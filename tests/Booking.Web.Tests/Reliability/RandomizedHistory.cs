using System.Diagnostics;
using System.Globalization;
using Booking.Web.Tests.Hosting;
using Xunit.Abstractions;

namespace Booking.Web.Tests.Reliability;

/// <summary>
/// One randomized history (see <see cref="RandomizedHistoryTests"/>): clients book and cancel at random, every request
/// and answer recorded, then every stream audited and every answer checked against the log.
/// </summary>
internal static class RandomizedHistory
{
    private const int Clients = 32;
    private const int TicketedEvents = 3;
    private const int Tickets = 5;

    // Each client has users of its own (so their order can be checked against its answers) and shares a few with
    // every other client (so one user's requests also race each other).
    private const int OwnUsersPerClient = 2;
    private const int SharedUsers = 8;
    private const long FirstSharedUser = 1_001;

    /// <summary>
    /// Runs clients against <paramref name="hosts"/> (client n through host n modulo their number), then judges the
    /// log. <paramref name="duringLoad"/> runs alongside the clients (a fault to inject); while it runs or after it,
    /// <paramref name="unavailableAllowed"/> lets requests answer 503. <paramref name="settle"/> runs between the load
    /// and the checks (see GaleraCluster.WaitUntilAppliedAsync). The load lasts <paramref name="duration"/> (10 s) unless
    /// EVENTBOOKING_HISTORY_SECONDS says otherwise.
    /// </summary>
    public static async Task RunAsync(
        ITestOutputHelper output, BookingHost[] hosts, int maxPause = 0, bool unavailableAllowed = false, Func<Task>? duringLoad = null,
        Func<Task>? settle = null, TimeSpan? duration = null)
    {
        var seed = Setting("EVENTBOOKING_HISTORY_SEED") ?? Random.Shared.Next();
        var length = Setting("EVENTBOOKING_HISTORY_SECONDS") is { } seconds ? TimeSpan.FromSeconds(seconds) : duration ?? TimeSpan.FromSeconds(10);
        var context = $"seed {seed} (rerun with EVENTBOOKING_HISTORY_SEED={seed})";
        output.WriteLine(context);

        var https = hosts.Select(h => h.CreateClient()).ToArray();
        var setup = new BookingClient(https[0]);
        var events = new long[TicketedEvents];
        for (var i = 0; i < events.Length; i++)
            events[i] = await setup.NewEventAsync(Tickets, $"Random {i + 1}");
        const long unknown = BookingClient.UnknownEventId;

        var recorder = new HistoryRecorder();
        var clock = Stopwatch.StartNew();
        var fault = duringLoad is null ? Task.CompletedTask : Task.Run(duringLoad);
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(client => Task.Run(async () =>
        {
            var random = new Random(HashCode.Combine(seed, client));
            while (clock.Elapsed < length)
            {
                // One request in a hundred names a ticketed event nobody initialized.
                var eventId = random.Next(100) == 0 ? unknown : events[random.Next(events.Length)];
                var user = random.Next(4) == 0
                    ? FirstSharedUser + random.Next(SharedUsers)
                    : 1 + client + (Clients * random.Next(OwnUsersPerClient));
                // Books outnumber cancels for two seconds, then cancels dominate until seats fall free: the waiting
                // lists fill and drain again and again instead of settling at one length.
                var booking = (int)(clock.Elapsed.TotalSeconds / 2) % 2 == 0 ? 70 : 10;
                var kind = random.Next(100) < booking ? OperationKind.Book : OperationKind.Cancel;
                await recorder.SendAsync(https[client % https.Length], client, eventId, user, kind);
                if (maxPause > 0)
                    await Task.Delay(random.Next(maxPause + 1));
            }
        })));
        await fault;
        var elapsed = clock.Elapsed;

        if (settle is not null)
            await settle();
        var operations = recorder.Operations;
        // A 503 while a fault runs may follow a commit whose answer was lost; without a fault there is none at all.
        var verdict = await HistoryVerdict.JudgeAsync(hosts[0].Store, operations, events, new HistoryOptions(UnavailableMayHaveCommitted: unavailableAllowed));
        var counts = operations.CountBy(o => o.Answer.Outcome).ToDictionary(c => c.Key, c => c.Value);
        var promotions = operations.Count(o => o.Answer.PromotedUserId is not null);
        output.WriteLine(
            $"{operations.Count} requests in {elapsed.TotalSeconds:F1} s through {hosts.Length} host(s): " +
            string.Join(", ", counts.OrderBy(c => c.Key).Select(c => $"{c.Value} {c.Key}")) +
            $"; {promotions} promotions; {verdict.EventsChecked} events checked");

        verdict.ShouldBeClean(context);
        if (!unavailableAllowed)
        {
            counts.Keys.ShouldNotContain(Outcome.Unavailable, context);
            counts.Keys.ShouldNotContain(Outcome.Indeterminate, context);
            // Every event but the initializations is accounted for by exactly one answer, and the other way round.
            var answered = new[] { Outcome.Booked, Outcome.Waitlisted, Outcome.Cancelled, Outcome.LeftWaitlist }.Sum(o => counts.GetValueOrDefault(o));
            (verdict.EventsChecked - TicketedEvents).ShouldBe(answered + promotions, context);
        }

        counts.Keys.ShouldNotContain(Outcome.Unexpected, context);
        // The run must have exercised every answer, or a clean verdict would prove little.
        counts.Keys.Where(o => o is not (Outcome.Unavailable or Outcome.Indeterminate)).ToList().ShouldBe(
            new[]
            {
                Outcome.Booked, Outcome.Waitlisted, Outcome.Cancelled, Outcome.LeftWaitlist, Outcome.AlreadyBooked,
                Outcome.AlreadyWaiting, Outcome.NothingToCancel, Outcome.EventNotFound,
            },
            ignoreOrder: true,
            context);
        promotions.ShouldBeGreaterThan(0, context);
        foreach (var http in https)
            http.Dispose();
    }

    private static int? Setting(string name) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
