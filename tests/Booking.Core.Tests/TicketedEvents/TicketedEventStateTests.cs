using Booking.Core.TicketedEvents;
using static Booking.Core.Tests.TicketedEvents.Fixtures;

namespace Booking.Core.Tests.TicketedEvents;

public class TicketedEventStateTests
{
    [Fact]
    public void Initial_does_not_exist()
    {
        TicketedEventState.Initial.Exists.ShouldBeFalse();
        TicketedEventState.Initial.Version.ShouldBe(0);
    }

    [Fact]
    public void Fold_of_bookings_and_waiters_counts_seats_and_queue()
    {
        var state = TicketedEventState.Fold(
        [
            Initialized(2), new TicketBooked(Alice), new TicketBooked(Bob),
            new WaitlistJoined(Carol), new WaitlistJoined(Dave),
        ]);

        state.Exists.ShouldBeTrue();
        state.Id.ShouldBe(ConcertId);
        state.Name.ShouldBe(ConcertName);
        state.Available.ShouldBe(0);
        state.WaitingCount.ShouldBe(2);
        state.FirstWaiting.ShouldBe(Carol);
        state.IsWaiting(Dave).ShouldBeTrue();
        state.IsBooked(Dave).ShouldBeFalse();
        state.Version.ShouldBe(5);
    }

    [Fact]
    public void Fold_of_promotion_moves_user_from_waitlist_to_booked()
    {
        var state = TicketedEventState.Fold(
        [
            Initialized(1), new TicketBooked(Alice), new WaitlistJoined(Bob),
            new BookingCancelled(Alice), new WaitlistPromoted(Bob),
        ]);

        state.IsBooked(Bob).ShouldBeTrue();
        state.IsWaiting(Bob).ShouldBeFalse();
        state.FirstWaiting.ShouldBeNull();
        state.Available.ShouldBe(0);
    }

    [Fact]
    public void Fold_of_100_000_bookings_and_waiters_completes()
    {
        const int seats = 100_000;
        var events = new List<TicketedEventEvent> { Initialized(seats) };
        events.AddRange(Enumerable.Range(1, seats).Select(id => new TicketBooked(new UserId(id))));
        events.AddRange(Enumerable.Range(seats + 1, 50_000).Select(id => new WaitlistJoined(new UserId(id))));
        events.Add(new WaitlistLeft(new UserId(seats + 25_000)));

        var state = TicketedEventState.Fold(events);

        state.Available.ShouldBe(0);
        state.WaitingCount.ShouldBe(49_999);
        state.FirstWaiting.ShouldBe(new UserId(seats + 1));
        state.Version.ShouldBe(events.Count);
    }
}
