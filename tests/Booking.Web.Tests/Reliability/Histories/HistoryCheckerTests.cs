using Booking.Core.TicketedEvents;

namespace Booking.Web.Tests.Reliability.Histories;

/// <summary>
/// The checker must be able to fail: each test feeds it a history broken in exactly one way and expects exactly
/// that rule (the stream's own invariants are the audit's: see <see cref="HistoryVerdictTests"/>). Times are plain
/// numbers; the log is in the order the requests are written down here.
/// </summary>
public sealed class HistoryCheckerTests
{
    private const long Show = 1;
    private static readonly UserId Ann = new(1), Bob = new(2), Cid = new(3);

    [Fact]
    public void Check_of_a_consistent_history_with_every_kind_of_answer_finds_nothing()
    {
        var history = new History(tickets: 1);
        history.Request(1, Ann, OperationKind.Book, (1, 2), Answered(Outcome.Booked), new TicketBooked(Ann));
        history.Request(2, Bob, OperationKind.Book, (3, 4), Answered(Outcome.Waitlisted, position: 1), new WaitlistJoined(Bob));
        history.Request(3, Cid, OperationKind.Book, (5, 6), Answered(Outcome.Waitlisted, position: 2), new WaitlistJoined(Cid));
        history.Request(1, Ann, OperationKind.Book, (7, 8), Answered(Outcome.AlreadyBooked));
        history.Request(2, Bob, OperationKind.Book, (9, 10), Answered(Outcome.AlreadyWaiting));
        history.Request(1, Ann, OperationKind.Cancel, (11, 12), Answered(Outcome.Cancelled, promoted: Bob, available: 0, waiting: 1),
            new BookingCancelled(Ann), new WaitlistPromoted(Bob));
        // Concurrent requests may be logged in either order: Cid's leave was sent first but overlaps Ann's refusal.
        history.Request(1, Ann, OperationKind.Cancel, (14, 15), Answered(Outcome.NothingToCancel));
        history.Request(3, Cid, OperationKind.Cancel, (13, 16), Answered(Outcome.LeftWaitlist, available: 0, waiting: 0), new WaitlistLeft(Cid));
        history.Request(2, Bob, OperationKind.Book, (17, 18), Answered(Outcome.Indeterminate));
        history.Request(3, Cid, OperationKind.Book, (19, 20), Answered(Outcome.Indeterminate), new WaitlistJoined(Cid));
        history.RequestElsewhere(Show + 1, Ann, (21, 22), Answered(Outcome.EventNotFound));

        history.Check().ShouldBeEmpty();
    }

    [Fact]
    public void Check_of_a_booked_answer_whose_log_says_waitlisted_reports_AnswerMatchesEvents() =>
        Violation(h => h.Request(1, Ann, OperationKind.Book, (1, 2), Answered(Outcome.Booked), new WaitlistJoined(Ann)), tickets: 0)
            .ShouldBe(HistoryRule.AnswerMatchesEvents);

    [Fact]
    public void Check_of_a_waitlisted_answer_whose_log_says_booked_reports_AnswerMatchesEvents() =>
        Violation(h => h.Request(1, Ann, OperationKind.Book, (1, 2), Answered(Outcome.Waitlisted, position: 1), new TicketBooked(Ann)))
            .ShouldBe(HistoryRule.AnswerMatchesEvents);

    [Fact]
    public void Check_of_a_booked_answer_with_no_event_reports_AnswerMatchesEvents() =>
        Violation(h => h.Request(1, Ann, OperationKind.Book, (1, 2), Answered(Outcome.Booked))).ShouldBe(HistoryRule.AnswerMatchesEvents);

    [Fact]
    public void Check_of_one_answer_with_its_event_twice_reports_AnswerMatchesEvents() =>
        Violation(h => h.Request(1, Ann, OperationKind.Book, (1, 2), Answered(Outcome.Booked), new TicketBooked(Ann), new TicketBooked(Ann)), tickets: 2)
            .ShouldBe(HistoryRule.AnswerMatchesEvents);

    [Fact]
    public void Check_of_a_cancel_answer_naming_another_promoted_user_reports_AnswerMatchesEvents() =>
        Violation(h =>
        {
            h.Request(1, Ann, OperationKind.Book, (1, 2), Answered(Outcome.Booked), new TicketBooked(Ann));
            h.Request(2, Bob, OperationKind.Book, (3, 4), Answered(Outcome.Waitlisted, position: 1), new WaitlistJoined(Bob));
            h.Request(1, Ann, OperationKind.Cancel, (5, 6), Answered(Outcome.Cancelled, promoted: Cid, available: 0, waiting: 0),
                new BookingCancelled(Ann), new WaitlistPromoted(Bob));
        }).ShouldBe(HistoryRule.AnswerMatchesEvents);

    [Fact]
    public void Check_of_an_indeterminate_book_that_left_a_cancellation_reports_AnswerMatchesEvents() =>
        Violation(h =>
        {
            h.Request(1, Ann, OperationKind.Book, (1, 2), Answered(Outcome.Booked), new TicketBooked(Ann));
            h.Request(1, Ann, OperationKind.Book, (3, 4), Answered(Outcome.Indeterminate), new BookingCancelled(Ann));
        }).ShouldBe(HistoryRule.AnswerMatchesEvents);

    [Fact]
    public void Check_of_a_waitlisted_answer_with_the_wrong_position_reports_AnswerMatchesFold() =>
        Violation(h => h.Request(1, Ann, OperationKind.Book, (1, 2), Answered(Outcome.Waitlisted, position: 2), new WaitlistJoined(Ann)), tickets: 0)
            .ShouldBe(HistoryRule.AnswerMatchesFold);

    [Fact]
    public void Check_of_a_cancel_answer_with_the_wrong_seat_count_reports_AnswerMatchesFold() =>
        Violation(h =>
        {
            h.Request(1, Ann, OperationKind.Book, (1, 2), Answered(Outcome.Booked), new TicketBooked(Ann));
            h.Request(1, Ann, OperationKind.Cancel, (3, 4), Answered(Outcome.Cancelled, available: 0, waiting: 0), new BookingCancelled(Ann));
        }).ShouldBe(HistoryRule.AnswerMatchesFold);

    [Fact]
    public void Check_of_an_event_no_request_caused_reports_EventHasRequest() =>
        Violation(h => h.Log(new TicketBooked(Ann), correlationId: Guid.CreateVersion7())).ShouldBe(HistoryRule.EventHasRequest);

    [Fact]
    public void Check_of_a_rejection_that_left_an_event_reports_RejectionLeavesNoEvent() =>
        Violation(h => h.Request(1, Ann, OperationKind.Cancel, (1, 2), Answered(Outcome.NothingToCancel), new TicketBooked(Ann)))
            .ShouldBe(HistoryRule.RejectionLeavesNoEvent);

    [Fact]
    public void Check_of_a_request_never_sent_that_left_an_event_reports_RejectionLeavesNoEvent() =>
        Violation(h => h.Request(1, Ann, OperationKind.Book, (1, 2), new Answer(Outcome.NotSent, 0), new TicketBooked(Ann)))
            .ShouldBe(HistoryRule.RejectionLeavesNoEvent);

    [Fact]
    public void Check_of_a_503_that_left_an_event_while_the_database_ran_reports_UnavailableLeavesNoEvent() =>
        Violation(h => h.Request(1, Ann, OperationKind.Book, (1, 2), new Answer(Outcome.Unavailable, 503), new TicketBooked(Ann)))
            .ShouldBe(HistoryRule.UnavailableLeavesNoEvent);

    [Fact]
    public void Check_of_a_503_that_left_an_event_after_the_database_was_killed_finds_nothing()
    {
        var history = new History(tickets: 1, new HistoryOptions(UnavailableMayHaveCommitted: true));
        history.Request(1, Ann, OperationKind.Book, (1, 2), new Answer(Outcome.Unavailable, 503), new TicketBooked(Ann));

        history.Check().ShouldBeEmpty();
    }

    [Fact]
    public void Check_of_a_redelivered_request_answered_already_booked_after_its_own_event_finds_nothing()
    {
        var history = new History(tickets: 1, new HistoryOptions(RedeliveryPossible: true));
        history.Request(1, Ann, OperationKind.Book, (1, 2), Answered(Outcome.AlreadyBooked), new TicketBooked(Ann));

        history.Check().ShouldBeEmpty();
    }

    [Fact]
    public void Check_of_a_redelivered_request_answered_already_booked_without_any_event_reports_RejectionJustified() =>
        Violation(h => h.Request(1, Ann, OperationKind.Book, (1, 2), Answered(Outcome.AlreadyBooked)), options: new HistoryOptions(RedeliveryPossible: true))
            .ShouldBe(HistoryRule.RejectionJustified);

    [Fact]
    public void Check_of_a_redelivered_book_answered_already_booked_that_left_a_cancellation_reports_RejectionLeavesNoEvent() =>
        Violation(h =>
        {
            h.Request(1, Ann, OperationKind.Book, (1, 2), Answered(Outcome.Booked), new TicketBooked(Ann));
            h.Request(1, Ann, OperationKind.Book, (3, 4), Answered(Outcome.AlreadyBooked), new BookingCancelled(Ann));
        }, options: new HistoryOptions(RedeliveryPossible: true)).ShouldBe(HistoryRule.RejectionLeavesNoEvent);

    [Fact]
    public void Check_of_a_rejection_that_was_never_true_reports_RejectionJustified() =>
        Violation(h => h.Request(1, Ann, OperationKind.Book, (1, 2), Answered(Outcome.AlreadyBooked))).ShouldBe(HistoryRule.RejectionJustified);

    [Fact]
    public void Check_of_a_rejection_true_only_after_it_was_answered_reports_RejectionJustified() =>
        Violation(h =>
        {
            h.Request(2, Ann, OperationKind.Book, (1, 2), Answered(Outcome.AlreadyBooked));
            h.Request(1, Ann, OperationKind.Book, (3, 4), Answered(Outcome.Booked), new TicketBooked(Ann));
        }).ShouldBe(HistoryRule.RejectionJustified);

    // What a process that missed another's write answers: the refusal was true once, but not after the booking was answered.
    [Fact]
    public void Check_of_a_refusal_from_a_state_that_missed_an_answered_write_reports_RejectionJustified() =>
        Violation(h =>
        {
            h.Request(1, Ann, OperationKind.Book, (1, 2), Answered(Outcome.Booked), new TicketBooked(Ann));
            h.Request(2, Ann, OperationKind.Cancel, (3, 4), Answered(Outcome.NothingToCancel));
        }).ShouldBe(HistoryRule.RejectionJustified);

    [Fact]
    public void Check_of_events_logged_before_those_of_a_request_answered_earlier_reports_RealTimeOrder() =>
        Violation(h =>
        {
            h.Request(2, Bob, OperationKind.Book, (3, 4), Answered(Outcome.Booked), new TicketBooked(Bob));
            h.Request(1, Ann, OperationKind.Book, (1, 2), Answered(Outcome.Booked), new TicketBooked(Ann));
        }, tickets: 2).ShouldBe(HistoryRule.RealTimeOrder);

    [Fact]
    public void Check_of_one_clients_requests_for_a_user_logged_out_of_answer_order_reports_PerUserOrder()
    {
        var history = new History(tickets: 2);
        // Overlapping in time, so only the client's own sequence (not real time) says which came first.
        history.Request(1, Ann, OperationKind.Book, (1, 4), Answered(Outcome.Booked), new TicketBooked(Ann));
        history.Request(1, Bob, OperationKind.Book, (2, 3), Answered(Outcome.Booked), new TicketBooked(Bob));

        history.Check().ShouldBeEmpty();

        var reordered = new History(tickets: 2);
        reordered.Request(1, Ann, OperationKind.Cancel, (3, 6), Answered(Outcome.Cancelled, available: 2, waiting: 0), new BookingCancelled(Ann));
        reordered.Request(1, Ann, OperationKind.Book, (1, 5), Answered(Outcome.Booked), new TicketBooked(Ann));

        reordered.Check().ShouldHaveSingleItem().Rule.ShouldBe(HistoryRule.PerUserOrder);
    }

    [Fact]
    public void Check_of_an_unexpected_answer_reports_DocumentedAnswer() =>
        Violation(h => h.Request(1, Ann, OperationKind.Book, (1, 2), new Answer(Outcome.Unexpected, 500, Body: "oops")))
            .ShouldBe(HistoryRule.DocumentedAnswer);

    private static HistoryRule Violation(Action<History> write, int tickets = 1, HistoryOptions? options = null)
    {
        var history = new History(tickets, options);
        write(history);
        return history.Check().ShouldHaveSingleItem().Rule;
    }

    private static Answer Answered(
        Outcome outcome, int? position = null, UserId? promoted = null, int? available = null, int? waiting = null) =>
        new(outcome, 200, position, promoted?.Value, available, waiting);

    /// <summary>Requests and the one stream they wrote, in the order they are written down.</summary>
    private sealed class History(int tickets, HistoryOptions? options = null)
    {
        private readonly List<Operation> _operations = [];
        private readonly List<LoggedEvent> _log = [new(1, new TicketsInitialized(new TicketedEventId(Show), "Show", tickets), Guid.CreateVersion7())];
        private readonly Dictionary<long, IReadOnlyList<LoggedEvent>> _elsewhere = [];

        public void Request(int client, UserId user, OperationKind kind, (long Sent, long Answered) at, Answer answer, params TicketedEventEvent[] events)
        {
            var operation = new Operation(Guid.CreateVersion7(), client, Show, user.Value, kind, at.Sent, at.Answered, answer);
            _operations.Add(operation);
            foreach (var data in events)
                Log(data, operation.Id);
        }

        public void RequestElsewhere(long eventId, UserId user, (long Sent, long Answered) at, Answer answer)
        {
            _operations.Add(new Operation(Guid.CreateVersion7(), 9, eventId, user.Value, OperationKind.Book, at.Sent, at.Answered, answer));
            _elsewhere[eventId] = [];
        }

        public void Log(TicketedEventEvent data, Guid correlationId) => _log.Add(new LoggedEvent(_log.Count + 1, data, correlationId));

        public IReadOnlyList<HistoryViolation> Check() =>
            HistoryChecker.Check(_operations, new Dictionary<long, IReadOnlyList<LoggedEvent>>(_elsewhere) { [Show] = _log }, options ?? new HistoryOptions());
    }
}
