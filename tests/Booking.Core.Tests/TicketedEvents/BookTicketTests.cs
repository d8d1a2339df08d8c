using Booking.Core.TicketedEvents;
using static Booking.Core.Tests.TicketedEvents.Fixtures;

namespace Booking.Core.Tests.TicketedEvents;

public class BookTicketTests
{
    [Fact]
    public void Given_nothing_When_BookTicket_Then_rejected_NotFound() =>
        Spec.Given()
            .When(new BookTicket(Alice))
            .ThenRejected(RejectionReason.NotFound);

    [Fact]
    public void Given_seats_available_When_BookTicket_Then_TicketBooked() =>
        Spec.Given(Initialized(2))
            .When(new BookTicket(Alice))
            .Then(new TicketBooked(Alice));

    [Fact]
    public void Given_one_seat_left_When_BookTicket_Then_TicketBooked_and_sold_out()
    {
        var state = Spec.Given(Initialized(2), new TicketBooked(Alice))
            .When(new BookTicket(Bob))
            .Then(new TicketBooked(Bob));

        state.Available.ShouldBe(0);
    }

    [Fact]
    public void Given_sold_out_When_BookTicket_Then_WaitlistJoined() =>
        Spec.Given(Initialized(1), new TicketBooked(Alice))
            .When(new BookTicket(Bob))
            .Then(new WaitlistJoined(Bob));

    [Fact]
    public void Given_sold_out_with_waiters_When_BookTicket_Then_WaitlistJoined_at_the_end()
    {
        var state = Spec.Given(
                Initialized(1), new TicketBooked(Alice), new WaitlistJoined(Bob), new WaitlistJoined(Carol))
            .When(new BookTicket(Dave))
            .Then(new WaitlistJoined(Dave));

        state.WaitingInOrder.ShouldBe([Bob, Carol, Dave]);
        state.FirstWaiting.ShouldBe(Bob);
    }

    [Fact]
    public void Given_user_booked_When_BookTicket_Then_rejected_AlreadyBooked() =>
        Spec.Given(Initialized(2), new TicketBooked(Alice))
            .When(new BookTicket(Alice))
            .ThenRejected(RejectionReason.AlreadyBooked);

    [Fact]
    public void Given_user_waiting_When_BookTicket_Then_rejected_AlreadyWaiting() =>
        Spec.Given(Initialized(1), new TicketBooked(Alice), new WaitlistJoined(Bob))
            .When(new BookTicket(Bob))
            .ThenRejected(RejectionReason.AlreadyWaiting);

    [Fact]
    public void Given_user_cancelled_When_BookTicket_again_Then_TicketBooked() =>
        Spec.Given(Initialized(1), new TicketBooked(Alice), new BookingCancelled(Alice))
            .When(new BookTicket(Alice))
            .Then(new TicketBooked(Alice));

    [Fact]
    public void Given_user_left_waitlist_When_BookTicket_again_Then_WaitlistJoined_at_the_end()
    {
        var state = Spec.Given(
                Initialized(1), new TicketBooked(Alice),
                new WaitlistJoined(Bob), new WaitlistJoined(Carol), new WaitlistLeft(Bob))
            .When(new BookTicket(Bob))
            .Then(new WaitlistJoined(Bob));

        state.WaitingInOrder.ShouldBe([Carol, Bob]);
    }
}
