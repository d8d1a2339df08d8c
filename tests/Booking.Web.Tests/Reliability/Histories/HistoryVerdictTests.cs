using System.Text.RegularExpressions;
using Booking.Core.Auditing;
using Booking.Core.TicketedEvents;

namespace Booking.Web.Tests.Reliability.Histories;

/// <summary>
/// The verdict adds each stream's own invariants (the audit) to the checker's rules: a history broken in one of
/// those ways must fail too, and what may have happened must be counted.
/// </summary>
public sealed partial class HistoryVerdictTests
{
    private const long Show = 1;

    [Fact]
    public void Judge_of_more_seats_booked_than_tickets_reports_NoOversell()
    {
        var verdict = Judge(tickets: 2, new HistoryOptions(), Booked(1, 1), Booked(2, 2), Booked(3, 3));

        verdict.HistoryViolations.ShouldBeEmpty();
        verdict.AuditViolations.ShouldHaveSingleItem().Rule.ShouldBe(AuditRule.NoOversell);
    }

    [Fact]
    public void Judge_of_a_user_booked_twice_reports_OneEntryPerUser()
    {
        var again = Operation(1, OperationKind.Book, (3, 4), new Answer(Outcome.Indeterminate, 0));
        var verdict = Judge(tickets: 2, new HistoryOptions(), Booked(1, 1), (again, [new TicketBooked(new UserId(1))]));

        verdict.HistoryViolations.ShouldBeEmpty();
        verdict.AuditViolations.ShouldHaveSingleItem().Rule.ShouldBe(AuditRule.OneEntryPerUser);
    }

    [Fact]
    public void Judge_of_requests_without_an_answer_written_or_not_holds_and_counts_the_written_ones()
    {
        var written = Operation(1, OperationKind.Book, (1, 2), new Answer(Outcome.Indeterminate, 0));
        var lost = Operation(2, OperationKind.Book, (3, 4), new Answer(Outcome.Indeterminate, 0));
        var verdict = Judge(tickets: 2, new HistoryOptions(), (written, [new TicketBooked(new UserId(1))]), (lost, []));

        verdict.Holds.ShouldBeTrue(verdict.Describe(5));
        verdict.WrittenWithoutAnswer.ShouldBe(1);
    }

    [Fact]
    public void Judge_of_a_503_written_after_the_database_was_killed_holds_and_counts_it()
    {
        var failed = Operation(1, OperationKind.Book, (1, 2), new Answer(Outcome.Unavailable, 503));
        var verdict = Judge(tickets: 2, new HistoryOptions(UnavailableMayHaveCommitted: true), (failed, [new TicketBooked(new UserId(1))]));

        verdict.Holds.ShouldBeTrue(verdict.Describe(5));
        verdict.WrittenWithoutAnswer.ShouldBe(1);
        verdict.EventsChecked.ShouldBe(2);
    }

    [Fact]
    public void ShouldBeClean_with_a_violation_fails_naming_the_seed_and_a_file_holding_the_whole_history()
    {
        const long eventId = 1;
        var operation = new Operation(Guid.CreateVersion7(), 7, eventId, 42, OperationKind.Book, 10, 20, new Answer(Outcome.Booked, 201));
        var verdict = new HistoryVerdict(
            [operation], [], [new HistoryViolation(eventId, HistoryRule.AnswerMatchesEvents, "no event")],
            new Dictionary<long, IReadOnlyList<LoggedEvent>> { [eventId] = [] });

        var failure = Should.Throw<ShouldAssertException>(() => verdict.ShouldBeClean("seed 1234"));

        failure.Message.ShouldContain("seed 1234");
        var path = HistoryFile().Match(failure.Message).Value;
        File.ReadAllText(path).ShouldContain($"\t{operation.Id}\t");
        File.Delete(path);
    }

    [Fact]
    public void ShouldBeClean_without_violations_passes() =>
        new HistoryVerdict([], Array.Empty<AuditViolation>(), [], new Dictionary<long, IReadOnlyList<LoggedEvent>>()).ShouldBeClean("seed 1");

    private static (Operation, TicketedEventEvent[]) Booked(long user, long at) =>
        (Operation(user, OperationKind.Book, (2 * at, (2 * at) + 1), new Answer(Outcome.Booked, 201)), [new TicketBooked(new UserId(user))]);

    private static Operation Operation(long user, OperationKind kind, (long Sent, long Answered) at, Answer answer) =>
        new(Guid.CreateVersion7(), (int)user, Show, user, kind, at.Sent, at.Answered, answer);

    // One stream: the initialization, then each request's events in the order given.
    private static HistoryVerdict Judge(int tickets, HistoryOptions options, params (Operation Operation, TicketedEventEvent[] Events)[] requests)
    {
        List<LoggedEvent> log = [new(1, new TicketsInitialized(new TicketedEventId(Show), "Show", tickets), Guid.CreateVersion7())];
        foreach (var (operation, events) in requests)
        {
            foreach (var data in events)
                log.Add(new LoggedEvent(log.Count + 1, data, operation.Id));
        }

        return HistoryVerdict.Judge([.. requests.Select(r => r.Operation)], new Dictionary<long, IReadOnlyList<LoggedEvent>> { [Show] = log }, options);
    }

    [GeneratedRegex(@"\S*eventbooking-history-\w+\.tsv")]
    private static partial Regex HistoryFile();
}
