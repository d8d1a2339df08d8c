using Booking.Web.Tests.Hosting;
using EventBooking.Migrations;
using Xunit.Abstractions;

namespace Booking.Web.Tests.Reliability;

/// <summary>
/// Issue #6, suite 2: clients book and cancel at random for a fixed time against a few small ticketed events, with
/// users drawn from a small pool so that every kind of conflict happens (already booked, nothing to cancel,
/// promotions). Every request and answer is recorded; afterwards each stream is audited and every answer is checked
/// against the log by <see cref="HistoryChecker"/>. The seed is printed; EVENTBOOKING_HISTORY_SEED replays the same
/// random choices (the interleaving is the machine's), EVENTBOOKING_HISTORY_SECONDS lengthens the run.
/// </summary>
public sealed class RandomizedHistoryTests(ITestOutputHelper output)
{
    // Two hosts conflict all the time by design; their warnings would bury everything else in the test output.
    private static readonly Dictionary<string, string?> QuietConflicts = new() { ["Serilog:MinimumLevel:Override:Booking.Core.Processing"] = "Error" };

    [Theory]
    [InlineData(StoreProvider.MySql)]
    [InlineData(StoreProvider.Sqlite)]
    public async Task Book_and_cancel_at_random_by_32_clients_leaves_a_log_that_explains_every_answer(StoreProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = new BookingHost(database);

        await RandomizedHistory.RunAsync(output, [host]);
    }

    // Two processes over one database: the store's expected-version check, not a processor, keeps them honest.
    [Fact]
    public async Task Book_and_cancel_at_random_through_two_hosts_over_one_database_leaves_a_log_that_explains_every_answer()
    {
        await using var database = await TestDatabase.CreateAsync(StoreProvider.MySql);
        await using var first = new BookingHost(database, settings: QuietConflicts);
        await using var second = new BookingHost(database, settings: QuietConflicts);

        // Ten conflicts in a row on one batch answer 503 (documented, retryable): the checker then allows the
        // request's events or none, as for any request whose outcome the client never learnt.
        await RandomizedHistory.RunAsync(output, [first, second], unavailableAllowed: true);
    }

    // Processors that go idle after 2 ms, with clients pausing up to 20 ms between requests: processors leave the
    // registry and new ones load the stream all the time, while commands keep slipping in as they close.
    [Fact]
    public async Task Book_and_cancel_at_random_while_processors_idle_out_between_requests_leaves_a_log_that_explains_every_answer()
    {
        await using var database = await TestDatabase.CreateAsync(StoreProvider.MySql);
        await using var host = new BookingHost(database, settings: new Dictionary<string, string?> { ["Processing:IdleTimeout"] = "00:00:00.002" });

        await RandomizedHistory.RunAsync(output, [host], maxPause: 20);
    }
}
