using System.Net;
using Booking.Web.Tests.Hosting;
using EventBooking.Migrations;

namespace Booking.Web.Tests.Bugs;

/// <summary>
/// Found by the randomized histories over two hosts (issue #6, suite 2): a processor that had not seen the other
/// host's latest append refused a command from its stale state. A refusal appends nothing, so no expected-version
/// check ever caught it: a user who held a ticket was told there was nothing to cancel, and one who had cancelled
/// was told they were still booked.
/// </summary>
public sealed class RejectionFromAHostThatMissedAnotherHostsWrite
{
    [Fact]
    public async Task Cancel_through_a_host_that_missed_the_booking_cancels_it()
    {
        await using var database = await TestDatabase.CreateAsync(StoreProvider.MySql);
        await using var first = new BookingHost(database);
        await using var second = new BookingHost(database);
        var (one, two) = (first.CreateBookingClient(), second.CreateBookingClient());
        var eventId = await one.NewEventAsync(totalTickets: 2);
        await two.BookedAsync(1, eventId);
        await one.BookedAsync(2, eventId);

        var cancelled = await two.CancelledAsync(2, eventId);

        cancelled.Status.ShouldBe("cancelled");
        (await first.ReplayAsync(eventId)).Booked.Select(u => u.Value).ShouldBe([1L]);
    }

    [Fact]
    public async Task Book_through_a_host_that_missed_the_cancellation_books_again()
    {
        await using var database = await TestDatabase.CreateAsync(StoreProvider.MySql);
        await using var first = new BookingHost(database);
        await using var second = new BookingHost(database);
        var (one, two) = (first.CreateBookingClient(), second.CreateBookingClient());
        var eventId = await one.NewEventAsync(totalTickets: 2);
        await two.BookedAsync(1, eventId);
        await one.CancelledAsync(1, eventId);

        using var again = await two.BookAsync(1, eventId);

        again.StatusCode.ShouldBe(HttpStatusCode.Created, await again.Content.ReadAsStringAsync());
        (await first.ReplayAsync(eventId)).Booked.Select(u => u.Value).ShouldBe([1L]);
    }
}
