using Booking.Core.TicketedEvents;
using static Booking.Core.Tests.TicketedEvents.Fixtures;

namespace Booking.Core.Tests.TicketedEvents;

public class SeatsProjectionTests
{
    private static readonly long[] Shuffled = [10, 9, 100, 2];
    private static readonly long[] Sorted = [2, 9, 10, 100];

    [Fact]
    public void Apply_of_booking_and_joining_files_each_user_under_the_version_they_entered()
    {
        var changes = Changes(Initialized(1), new TicketBooked(Alice), new WaitlistJoined(Bob));

        changes.ShouldBe(new Dictionary<string, SeatEntry?>
        {
            [SeatsProjection.DocumentId(ConcertId, SeatsProjection.Booked, 2)] = new SeatEntry(ConcertId, Alice, SeatsProjection.Booked, 2),
            [SeatsProjection.DocumentId(ConcertId, SeatsProjection.Waiting, 3)] = new SeatEntry(ConcertId, Bob, SeatsProjection.Waiting, 3),
        });
    }

    [Fact]
    public void Apply_of_cancel_with_promotion_tombstones_both_old_entries_and_seats_the_waiter_at_the_promotion()
    {
        var changes = Changes(Initialized(1), new TicketBooked(Alice), new WaitlistJoined(Bob), new BookingCancelled(Alice), new WaitlistPromoted(Bob));

        changes[SeatsProjection.DocumentId(ConcertId, SeatsProjection.Booked, 2)].ShouldBeNull();
        changes[SeatsProjection.DocumentId(ConcertId, SeatsProjection.Waiting, 3)].ShouldBeNull();
        changes[SeatsProjection.DocumentId(ConcertId, SeatsProjection.Booked, 5)].ShouldBe(new SeatEntry(ConcertId, Bob, SeatsProjection.Booked, 5));
        changes.Count.ShouldBe(3);
    }

    [Fact]
    public void Apply_of_operator_events_writes_nothing() =>
        Changes(Initialized(1), new CapacityChanged(3), new SalesClosed(), new SalesReopened()).ShouldBeEmpty();

    [Fact]
    public void Document_ids_of_one_list_sort_in_version_order_and_lists_do_not_overlap()
    {
        var ids = Shuffled.Select(v => SeatsProjection.DocumentId(ConcertId, SeatsProjection.Booked, v)).Order(StringComparer.Ordinal).ToList();

        ids.ShouldBe([.. Sorted.Select(v => SeatsProjection.DocumentId(ConcertId, SeatsProjection.Booked, v))]);
        ids.ShouldAllBe(id => id.StartsWith(SeatsProjection.Prefix(ConcertId, SeatsProjection.Booked), StringComparison.Ordinal));
        SeatsProjection.Prefix(new TicketedEventId(1), SeatsProjection.Booked).ShouldNotStartWith(SeatsProjection.Prefix(new TicketedEventId(10), SeatsProjection.Booked)[..^1]);
    }

    private static Dictionary<string, SeatEntry?> Changes(params TicketedEventEvent[] events)
    {
        var changes = new Dictionary<string, SeatEntry?>(StringComparer.Ordinal);
        var state = TicketedEventState.Initial;
        foreach (var @event in events)
        {
            var after = TicketedEventState.Evolve(state, @event);
            SeatsProjection.Apply(state, @event, after.Version, changes);
            state = after;
        }

        return changes;
    }
}
