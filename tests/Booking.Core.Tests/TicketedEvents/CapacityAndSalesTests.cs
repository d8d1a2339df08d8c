using Booking.Core.TicketedEvents;
using static Booking.Core.Tests.TicketedEvents.Fixtures;

namespace Booking.Core.Tests.TicketedEvents;

public class CapacityAndSalesTests
{
    [Fact]
    public void Given_nothing_When_ChangeCapacity_Then_rejected_NotFound() =>
        Spec.Given().When(new ChangeCapacity(5)).ThenRejected(RejectionReason.NotFound);

    [Fact]
    public void Given_seats_free_When_ChangeCapacity_up_Then_CapacityChanged_alone()
    {
        var state = Spec.Given(Initialized(2), new TicketBooked(Alice))
            .When(new ChangeCapacity(4))
            .Then(new CapacityChanged(4));

        state.TotalTickets.ShouldBe(4);
        state.Available.ShouldBe(3);
    }

    [Fact]
    public void Given_sold_out_with_three_waiting_When_ChangeCapacity_up_by_two_Then_first_two_waiters_promoted_in_order()
    {
        var state = Spec.Given(Initialized(1), new TicketBooked(Alice), new WaitlistJoined(Bob), new WaitlistJoined(Carol), new WaitlistJoined(Dave))
            .When(new ChangeCapacity(3))
            .Then(new CapacityChanged(3), new WaitlistPromoted(Bob), new WaitlistPromoted(Carol));

        state.Available.ShouldBe(0);
        state.WaitingInOrder.ShouldBe([Dave]);
    }

    [Fact]
    public void Given_two_waiting_When_ChangeCapacity_up_by_more_than_waiting_Then_everyone_promoted_and_seats_left()
    {
        var state = Spec.Given(Initialized(1), new TicketBooked(Alice), new WaitlistJoined(Bob), new WaitlistJoined(Carol))
            .When(new ChangeCapacity(10))
            .Then(new CapacityChanged(10), new WaitlistPromoted(Bob), new WaitlistPromoted(Carol));

        state.Available.ShouldBe(7);
        state.WaitingCount.ShouldBe(0);
    }

    [Fact]
    public void Given_two_booked_of_five_When_ChangeCapacity_down_to_two_Then_CapacityChanged_and_sold_out()
    {
        var state = Spec.Given(Initialized(5), new TicketBooked(Alice), new TicketBooked(Bob))
            .When(new ChangeCapacity(2))
            .Then(new CapacityChanged(2));

        state.Available.ShouldBe(0);
    }

    [Fact]
    public void Given_two_booked_When_ChangeCapacity_below_two_Then_rejected_CapacityBelowBooked() =>
        Spec.Given(Initialized(5), new TicketBooked(Alice), new TicketBooked(Bob))
            .When(new ChangeCapacity(1))
            .ThenRejected(RejectionReason.CapacityBelowBooked);

    [Fact]
    public void Given_capacity_five_When_ChangeCapacity_to_five_Then_nothing_happens() =>
        Spec.Given(Initialized(5)).When(new ChangeCapacity(5)).Then();

    [Fact]
    public void Given_sales_open_When_CloseSales_Then_SalesClosed() =>
        Spec.Given(Initialized(5)).When(new CloseSales()).Then(new SalesClosed()).SalesOpen.ShouldBeFalse();

    [Fact]
    public void Given_sales_closed_When_CloseSales_again_Then_nothing_happens() =>
        Spec.Given(Initialized(5), new SalesClosed()).When(new CloseSales()).Then();

    [Fact]
    public void Given_sales_closed_When_ReopenSales_Then_SalesReopened() =>
        Spec.Given(Initialized(5), new SalesClosed()).When(new ReopenSales()).Then(new SalesReopened()).SalesOpen.ShouldBeTrue();

    [Fact]
    public void Given_sales_open_When_ReopenSales_Then_nothing_happens() =>
        Spec.Given(Initialized(5)).When(new ReopenSales()).Then();

    [Fact]
    public void Given_nothing_When_CloseSales_Then_rejected_NotFound() =>
        Spec.Given().When(new CloseSales()).ThenRejected(RejectionReason.NotFound);

    [Fact]
    public void Given_sales_closed_with_seats_free_When_BookTicket_Then_rejected_SalesClosed() =>
        Spec.Given(Initialized(5), new SalesClosed()).When(new BookTicket(Alice)).ThenRejected(RejectionReason.SalesClosed);

    [Fact]
    public void Given_sales_closed_and_sold_out_When_BookTicket_Then_rejected_SalesClosed_not_waitlisted() =>
        Spec.Given(Initialized(1), new TicketBooked(Alice), new SalesClosed()).When(new BookTicket(Bob)).ThenRejected(RejectionReason.SalesClosed);

    [Fact]
    public void Given_sales_closed_and_user_booked_When_BookTicket_Then_rejected_AlreadyBooked() =>
        Spec.Given(Initialized(2), new TicketBooked(Alice), new SalesClosed()).When(new BookTicket(Alice)).ThenRejected(RejectionReason.AlreadyBooked);

    [Fact]
    public void Given_sales_closed_with_waiters_When_CancelBooking_Then_first_waiter_still_promoted() =>
        Spec.Given(Initialized(1), new TicketBooked(Alice), new WaitlistJoined(Bob), new SalesClosed())
            .When(new CancelBooking(Alice))
            .Then(new BookingCancelled(Alice), new WaitlistPromoted(Bob));

    [Fact]
    public void Given_sales_closed_with_waiters_When_ChangeCapacity_up_Then_waiters_still_promoted() =>
        Spec.Given(Initialized(1), new TicketBooked(Alice), new WaitlistJoined(Bob), new SalesClosed())
            .When(new ChangeCapacity(2))
            .Then(new CapacityChanged(2), new WaitlistPromoted(Bob));

    [Fact]
    public void Given_sales_reopened_When_BookTicket_Then_TicketBooked() =>
        Spec.Given(Initialized(1), new SalesClosed(), new SalesReopened()).When(new BookTicket(Alice)).Then(new TicketBooked(Alice));
}
