using Booking.Core.Auditing;
using Booking.Core.TicketedEvents;

namespace Booking.Core.Tests.Auditing;

public sealed class StreamAuditTests
{
    private const string Stream = "ticketed-event-test";
    private static readonly TicketedEventId Id = new(7);
    private static readonly UserId Ann = new(1), Bob = new(2), Cid = new(3), Dee = new(4);

    [Fact]
    public void Check_of_a_clean_stream_finds_nothing()
    {
        Audit(Init(2), new TicketBooked(Ann), new TicketBooked(Bob), new WaitlistJoined(Cid), new WaitlistJoined(Dee),
                new BookingCancelled(Ann), new WaitlistPromoted(Cid), new WaitlistLeft(Dee), new BookingCancelled(Bob))
            .ShouldBeEmpty();
    }

    [Fact]
    public void Check_of_booking_before_initialization_reports_InitializedFirst() =>
        Single(Audit(new TicketBooked(Ann), Init(1))).ShouldBe((AuditRule.InitializedFirst, 1L));

    [Fact]
    public void Check_of_second_initialization_reports_InitializedFirst() =>
        Single(Audit(Init(1), Init(5))).ShouldBe((AuditRule.InitializedFirst, 2L));

    [Fact]
    public void Check_of_a_version_gap_reports_ContiguousVersions()
    {
        var events = Versioned(Init(2), new TicketBooked(Ann)).Select((e, i) => (i == 1 ? 3L : e.Version, e.Data)).ToList();
        Single(StreamAudit.Check(Stream, events, 2, Status(events.Select(e => e.Data)))).ShouldBe((AuditRule.ContiguousVersions, 3L));
    }

    [Fact]
    public void Check_of_booking_past_capacity_reports_NoOversell() =>
        Single(Audit(Init(1), new TicketBooked(Ann), new TicketBooked(Bob))).ShouldBe((AuditRule.NoOversell, 3L));

    [Fact]
    public void Check_of_waitlisting_while_seats_free_reports_NoFreeSeatWhileWaiting() =>
        Audit(Init(2), new WaitlistJoined(Ann)).Select(v => (v.Rule, v.Version)).ShouldBe([(AuditRule.NoFreeSeatWhileWaiting, 2L), (AuditRule.NoFreeSeatWhileWaiting, 2L)]);

    [Fact]
    public void Check_of_cancellation_without_promotion_reports_NoFreeSeatWhileWaiting() =>
        Single(Audit(Init(1), new TicketBooked(Ann), new WaitlistJoined(Bob), new BookingCancelled(Ann))).ShouldBe((AuditRule.NoFreeSeatWhileWaiting, 4L));

    [Fact]
    public void Check_of_double_booking_reports_OneEntryPerUser() =>
        Single(Audit(Init(3), new TicketBooked(Ann), new TicketBooked(Ann))).ShouldBe((AuditRule.OneEntryPerUser, 3L));

    [Fact]
    public void Check_of_waiting_while_booked_reports_OneEntryPerUser() =>
        Single(Audit(Init(1), new TicketBooked(Ann), new WaitlistJoined(Ann))).ShouldBe((AuditRule.OneEntryPerUser, 3L));

    [Fact]
    public void Check_of_promotion_out_of_order_reports_FifoPromotion() =>
        Single(Audit(Init(1), new TicketBooked(Ann), new WaitlistJoined(Bob), new WaitlistJoined(Cid), new BookingCancelled(Ann), new WaitlistPromoted(Cid)))
            .ShouldBe((AuditRule.FifoPromotion, 6L));

    [Fact]
    public void Check_of_promotion_without_cancellation_reports_FifoPromotion() =>
        Audit(Init(1), new TicketBooked(Ann), new WaitlistJoined(Bob), new WaitlistPromoted(Bob))
            .ShouldContain(v => v.Rule == AuditRule.FifoPromotion && v.Version == 4);

    [Fact]
    public void Check_of_cancellation_without_booking_reports_CancelMatchesEntry() =>
        Single(Audit(Init(1), new BookingCancelled(Ann))).ShouldBe((AuditRule.CancelMatchesEntry, 2L));

    [Fact]
    public void Check_of_leaving_without_waiting_reports_CancelMatchesEntry() =>
        Single(Audit(Init(1), new WaitlistLeft(Ann))).ShouldBe((AuditRule.CancelMatchesEntry, 2L));

    [Fact]
    public void Check_of_a_lagging_stream_row_reports_StreamRowAgrees()
    {
        var events = Versioned(Init(1), new TicketBooked(Ann));
        Single(StreamAudit.Check(Stream, events, 1, Status(events.Select(e => e.Data)))).ShouldBe((AuditRule.StreamRowAgrees, 2L));
    }

    [Fact]
    public void Check_of_a_stale_status_reports_StatusAgrees()
    {
        var events = Versioned(Init(1), new TicketBooked(Ann));
        Single(StreamAudit.Check(Stream, events, 2, Status(events.Take(1).Select(e => e.Data)))).ShouldBe((AuditRule.StatusAgrees, 2L));
    }

    private static TicketsInitialized Init(int tickets) => new(Id, "show", tickets);

    private static List<(long Version, TicketedEventEvent Data)> Versioned(params TicketedEventEvent[] events) =>
        [.. events.Select((e, i) => ((long)i + 1, e))];

    private static TicketedEventStatus? Status(IEnumerable<TicketedEventEvent> events)
    {
        var state = events.Aggregate(TicketedEventState.Initial, (s, e) => s.Exists || e is TicketsInitialized ? TicketedEventState.Evolve(s, e) : s);
        return state.Exists ? TicketedEventStatus.From(state) : null;
    }

    // A consistent stream row and status for the given events, so only the rule under test can fire.
    private static IReadOnlyList<AuditViolation> Audit(params TicketedEventEvent[] events)
    {
        var versioned = Versioned(events);
        var state = TicketedEventState.Fold(events);
        return StreamAudit.Check(Stream, versioned, events.Length, state.Exists ? TicketedEventStatus.From(state) : null);
    }

    private static (AuditRule Rule, long Version) Single(IReadOnlyList<AuditViolation> violations)
    {
        var violation = violations.ShouldHaveSingleItem();
        violation.Detail.ShouldNotBeNullOrWhiteSpace();
        return (violation.Rule, violation.Version);
    }
}
