using Booking.Core.Auditing;
using Booking.Core.TicketedEvents;

namespace Booking.Core.Tests.Auditing;

public sealed class StreamAuditSalesTests
{
    private const string Stream = "ticketed-event-7";
    private static readonly TicketedEventId Id = new(7);
    private static readonly UserId Ann = new(1), Bob = new(2), Cid = new(3);

    [Fact]
    public void Check_of_a_clean_stream_with_capacity_changes_and_a_closed_sale_finds_nothing() =>
        Audit(Init(1), new TicketBooked(Ann), new WaitlistJoined(Bob), new WaitlistJoined(Cid),
                new CapacityChanged(3), new WaitlistPromoted(Bob), new WaitlistPromoted(Cid),
                new SalesClosed(), new BookingCancelled(Ann), new CapacityChanged(4), new SalesReopened(), new TicketBooked(Ann))
            .ShouldBeEmpty();

    [Fact]
    public void Check_of_capacity_below_bookings_reports_CapacityCoversBookings() =>
        Single(Audit(Init(3), new TicketBooked(Ann), new TicketBooked(Bob), new CapacityChanged(1))).ShouldBe((AuditRule.CapacityCoversBookings, 4L));

    [Fact]
    public void Check_of_raise_without_promoting_the_waiting_reports_NoFreeSeatWhileWaiting() =>
        Single(Audit(Init(1), new TicketBooked(Ann), new WaitlistJoined(Bob), new CapacityChanged(2))).ShouldBe((AuditRule.NoFreeSeatWhileWaiting, 4L));

    [Fact]
    public void Check_of_promotion_past_the_raised_capacity_reports_NoOversell() =>
        Single(Audit(Init(1), new TicketBooked(Ann), new WaitlistJoined(Bob), new WaitlistJoined(Cid), new CapacityChanged(2), new WaitlistPromoted(Bob), new WaitlistPromoted(Cid)))
            .ShouldBe((AuditRule.NoOversell, 7L));

    [Fact]
    public void Check_of_promotion_out_of_queue_order_after_a_raise_reports_FifoPromotion() =>
        Single(Audit(Init(1), new TicketBooked(Ann), new WaitlistJoined(Bob), new WaitlistJoined(Cid), new CapacityChanged(3), new WaitlistPromoted(Cid), new WaitlistPromoted(Bob)))
            .ShouldBe((AuditRule.FifoPromotion, 6L));

    [Fact]
    public void Check_of_promotion_that_neither_a_cancel_nor_a_raise_freed_reports_FifoPromotion() =>
        Audit(Init(1), new TicketBooked(Ann), new WaitlistJoined(Bob), new CapacityChanged(2), new SalesClosed(), new WaitlistPromoted(Bob))
            .Select(v => v.Rule).ShouldContain(AuditRule.FifoPromotion);

    [Fact]
    public void Check_of_booking_while_closed_reports_NoSalesWhileClosed() =>
        Single(Audit(Init(2), new SalesClosed(), new TicketBooked(Ann))).ShouldBe((AuditRule.NoSalesWhileClosed, 3L));

    [Fact]
    public void Check_of_waitlisting_while_closed_reports_NoSalesWhileClosed() =>
        Single(Audit(Init(1), new TicketBooked(Ann), new SalesClosed(), new WaitlistJoined(Bob))).ShouldBe((AuditRule.NoSalesWhileClosed, 4L));

    [Fact]
    public void Check_of_a_status_that_missed_a_capacity_change_reports_StatusAgrees()
    {
        TicketedEventEvent[] events = [Init(2), new CapacityChanged(5)];
        var stale = TicketedEventStatus.From(TicketedEventState.Fold(events[..1])) with { Version = 2 };
        Single(StreamAudit.Check(Stream, events.Select((e, i) => (i + 1L, e)), 2, stale)).ShouldBe((AuditRule.StatusAgrees, 2L));
    }

    private static TicketsInitialized Init(int tickets) => new(Id, "Sold out show", tickets);

    private static IReadOnlyList<AuditViolation> Audit(params TicketedEventEvent[] events)
    {
        var state = TicketedEventState.Fold(events);
        return StreamAudit.Check(Stream, events.Select((e, i) => (i + 1L, e)), events.Length, TicketedEventStatus.From(state));
    }

    private static (AuditRule Rule, long Version) Single(IReadOnlyList<AuditViolation> violations)
    {
        var violation = violations.ShouldHaveSingleItem();
        violation.Detail.ShouldNotBeNullOrWhiteSpace();
        return (violation.Rule, violation.Version);
    }
}
