using System.Diagnostics;
using Booking.Web.Tests.Hosting;
using EventBooking.Migrations;
using Xunit.Abstractions;

namespace Booking.Web.Tests.Reliability;

/// <summary>
/// Issue #6, suite 1: 200 users rush at the last 1, 2 or 5 seats of a fresh ticketed event, 100 times per size
/// (60,000 bookings in all); see <see cref="LastSeatStampede"/> for what each repetition must show.
/// </summary>
public sealed class LastSeatStampedeTests(MySqlSharedHost shared, ITestOutputHelper output) : IClassFixture<MySqlSharedHost>
{
    private const int Repetitions = 100;

    // Stampedes (on distinct ticketed events) running at a time: enough to keep both cores busy.
    private const int Overlap = 8;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    public async Task Book_by_200_concurrent_users_for_the_last_seats_100_times_books_exactly_that_many_and_queues_the_rest_once_each(int tickets)
    {
        var clock = Stopwatch.StartNew();

        var (booked, waitlisted, events) = await LastSeatStampede.RepeatAsync([shared.Host], tickets, Repetitions, Overlap);

        booked.ShouldBe(tickets * Repetitions);
        waitlisted.ShouldBe((LastSeatStampede.Customers - tickets) * Repetitions);
        output.WriteLine(
            $"{tickets} ticket(s): {Repetitions * LastSeatStampede.Customers} requests, {booked} booked, {waitlisted} waitlisted, " +
            $"{events} events checked in {clock.Elapsed.TotalSeconds:F1} s");
    }
}

/// <summary>The stampede through two hosts over one database, clients alternating between them.</summary>
public sealed class LastSeatStampedeOnTwoHostsTests(ITestOutputHelper output)
{
    private const int Repetitions = 10;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    public async Task Book_by_200_concurrent_users_through_two_hosts_for_the_last_seats_books_exactly_that_many_and_queues_the_rest_once_each(int tickets)
    {
        await using var database = await TestDatabase.CreateAsync(StoreProvider.MySql);
        var quiet = new Dictionary<string, string?> { ["Serilog:MinimumLevel:Override:Booking.Core.Processing"] = "Error" };
        await using var first = new BookingHost(database, settings: quiet);
        await using var second = new BookingHost(database, settings: quiet);
        var clock = Stopwatch.StartNew();

        var (booked, waitlisted, events) = await LastSeatStampede.RepeatAsync([first, second], tickets, Repetitions, overlap: 2);

        booked.ShouldBe(tickets * Repetitions);
        waitlisted.ShouldBe((LastSeatStampede.Customers - tickets) * Repetitions);
        output.WriteLine(
            $"{tickets} ticket(s), two hosts: {Repetitions * LastSeatStampede.Customers} requests, {booked} booked, " +
            $"{waitlisted} waitlisted, {events} events checked in {clock.Elapsed.TotalSeconds:F1} s");
    }
}
