using Booking.Web.Api;

namespace Booking.Reliability.Tests.Histories;

/// <summary>The checker itself must catch what it claims to catch, or the process suites prove nothing.</summary>
public sealed class HistoryCheckTests
{
    private const long EventId = 1;

    [Fact]
    public void Check_acknowledged_booking_missing_from_the_stream_reports_it()
    {
        var verdict = Check([Book(1, Outcome.Acknowledged, "booked")], Stream());

        verdict.Violations.ShouldHaveSingleItem().ShouldContain("acknowledged but not in the stream");
    }

    [Fact]
    public void Check_booking_answered_waitlisted_but_written_booked_reports_it()
    {
        var verdict = Check([Book(1, Outcome.Acknowledged, "waitlisted")], Stream(new Fact(FactKind.Booked, 1, 2)));

        verdict.Violations.ShouldHaveSingleItem().ShouldContain("acknowledged but not in the stream");
    }

    [Fact]
    public void Check_booking_nobody_asked_for_reports_it()
    {
        var verdict = Check([], Stream(new Fact(FactKind.Booked, 7, 2)));

        verdict.Violations.ShouldHaveSingleItem().ShouldContain("nobody asked for it");
    }

    [Theory]
    [InlineData(Outcome.NotSent, 0)]
    [InlineData(Outcome.Rejected, 404)]
    [InlineData(Outcome.Failed, 503)]
    public void Check_booking_refused_or_never_sent_but_written_reports_it(Outcome outcome, int status)
    {
        var verdict = Check([new Operation(OperationKind.Book, EventId, 1, 0, outcome, status, null)], Stream(new Fact(FactKind.Booked, 1, 2)));

        verdict.Violations.ShouldHaveSingleItem().ShouldContain("yet written");
    }

    [Fact]
    public void Check_failed_booking_written_after_a_database_crash_is_counted_not_reported()
    {
        var verdict = HistoryCheck.Check(
            [new Operation(OperationKind.Book, EventId, 1, 0, Outcome.Failed, 503, null)], [Stream(new Fact(FactKind.Booked, 1, 2))], failuresMayHaveCommitted: true);

        verdict.Violations.ShouldBeEmpty();
        verdict.FailedWritten.ShouldBe(1);
    }

    [Fact]
    public void Check_in_flight_requests_either_written_or_not_pass()
    {
        var verdict = Check([Book(1, Outcome.InFlight, null), Book(2, Outcome.InFlight, null)], Stream(new Fact(FactKind.Booked, 1, 2)));

        verdict.Violations.ShouldBeEmpty();
        verdict.InFlightWritten.ShouldBe(1);
    }

    [Fact]
    public void Check_duplicate_delivery_answered_already_booked_passes_only_when_written()
    {
        var duplicate = new Operation(OperationKind.Book, EventId, 1, 0, Outcome.Rejected, 409, Problems.AlreadyBooked);

        Check([duplicate], Stream(new Fact(FactKind.Booked, 1, 2))).Violations.ShouldBeEmpty();
        Check([duplicate], Stream()).Violations.ShouldHaveSingleItem().ShouldContain("does not hold it");
    }

    [Fact]
    public void Check_more_seats_held_than_tickets_reports_oversell()
    {
        var verdict = Check(
            [Book(1, Outcome.Acknowledged, "booked"), Book(2, Outcome.Acknowledged, "booked"), Book(3, Outcome.Acknowledged, "booked")],
            Stream(new Fact(FactKind.Booked, 1, 2), new Fact(FactKind.Booked, 2, 3), new Fact(FactKind.Booked, 3, 4)));

        verdict.Violations.ShouldHaveSingleItem().ShouldContain("oversold at version 4");
    }

    [Fact]
    public void Check_user_written_twice_reports_it()
    {
        var verdict = Check([Book(1, Outcome.Acknowledged, "booked")], Stream(new Fact(FactKind.Booked, 1, 2), new Fact(FactKind.Booked, 1, 3)));

        verdict.Violations.ShouldHaveSingleItem().ShouldContain("written twice");
    }

    [Fact]
    public void Check_acknowledged_cancel_with_promotion_in_the_stream_passes()
    {
        var verdict = Check(
            [Book(1, Outcome.Acknowledged, "booked"), Book(2, Outcome.Acknowledged, "booked"), Book(3, Outcome.Acknowledged, "waitlisted"),
             new Operation(OperationKind.Cancel, EventId, 1, 0, Outcome.Acknowledged, 200, "cancelled")],
            Stream(new Fact(FactKind.Booked, 1, 2), new Fact(FactKind.Booked, 2, 3), new Fact(FactKind.Waitlisted, 3, 4),
                new Fact(FactKind.Cancelled, 1, 5), new Fact(FactKind.Promoted, 3, 6)));

        verdict.Violations.ShouldBeEmpty();
        verdict.FactsChecked.ShouldBe(5);
    }

    private static HistoryVerdict Check(Operation[] operations, StreamFacts stream) =>
        HistoryCheck.Check(operations, [stream], failuresMayHaveCommitted: false);

    private static Operation Book(long user, Outcome outcome, string? answer) =>
        new(OperationKind.Book, EventId, user, 0, outcome, outcome == Outcome.Acknowledged ? 201 : 0, answer);

    private static StreamFacts Stream(params Fact[] facts) => new(EventId, 2, facts);
}
