using Booking.Core.TicketedEvents;
using static Booking.Core.Tests.TicketedEvents.Fixtures;

namespace Booking.Core.Tests.TicketedEvents;

public class CancelBookingTests
{
    [Fact]
    public void Given_nothing_When_CancelBooking_Then_rejected_NotFound() =>
        Spec.Given()
            .When(new CancelBooking(Alice))
            .ThenRejected(RejectionReason.NotFound);

    [Fact]
    public void Given_user_booked_and_nobody_waiting_When_CancelBooking_Then_BookingCancelled_and_seat_freed()
    {
        var state = Spec.Given(Initialized(2), new TicketBooked(Alice), new TicketBooked(Bob))
            .When(new CancelBooking(Alice))
            .Then(new BookingCancelled(Alice));

        state.Available.ShouldBe(1);
        state.IsBooked(Alice).ShouldBeFalse();
    }

    [Fact]
    public void Given_sold_out_with_waiters_When_CancelBooking_Then_first_waiter_only_promoted()
    {
        var state = Spec.Given(
                Initialized(1), new TicketBooked(Alice),
                new WaitlistJoined(Bob), new WaitlistJoined(Carol), new WaitlistJoined(Dave))
            .When(new CancelBooking(Alice))
            .Then(new BookingCancelled(Alice), new WaitlistPromoted(Bob));

        state.Available.ShouldBe(0);
        state.IsBooked(Bob).ShouldBeTrue();
        state.WaitingInOrder.ShouldBe([Carol, Dave]);
    }

    [Fact]
    public void Given_user_waiting_in_the_middle_When_CancelBooking_Then_WaitlistLeft_and_order_kept()
    {
        var state = Spec.Given(
                Initialized(1), new TicketBooked(Alice),
                new WaitlistJoined(Bob), new WaitlistJoined(Carol), new WaitlistJoined(Dave))
            .When(new CancelBooking(Carol))
            .Then(new WaitlistLeft(Carol));

        state.WaitingInOrder.ShouldBe([Bob, Dave]);
        state.Available.ShouldBe(0);
    }

    [Fact]
    public void Given_user_neither_booked_nor_waiting_When_CancelBooking_Then_rejected_NothingToCancel() =>
        Spec.Given(Initialized(2), new TicketBooked(Alice))
            .When(new CancelBooking(Bob))
            .ThenRejected(RejectionReason.NothingToCancel);

    [Fact]
    public void Given_booking_already_cancelled_When_CancelBooking_again_Then_rejected_NothingToCancel() =>
        Spec.Given(Initialized(2), new TicketBooked(Alice), new BookingCancelled(Alice))
            .When(new CancelBooking(Alice))
            .ThenRejected(RejectionReason.NothingToCancel);

    [Fact]
    public void Given_user_already_left_waitlist_When_CancelBooking_again_Then_rejected_NothingToCancel() =>
        Spec.Given(Initialized(1), new TicketBooked(Alice), new WaitlistJoined(Bob), new WaitlistLeft(Bob))
            .When(new CancelBooking(Bob))
            .ThenRejected(RejectionReason.NothingToCancel);

    [Fact]
    public void Given_promoted_user_When_CancelBooking_Then_next_waiter_promoted() =>
        Spec.Given(
                Initialized(1), new TicketBooked(Alice), new WaitlistJoined(Bob), new WaitlistJoined(Carol),
                new BookingCancelled(Alice), new WaitlistPromoted(Bob))
            .When(new CancelBooking(Bob))
            .Then(new BookingCancelled(Bob), new WaitlistPromoted(Carol));
}
