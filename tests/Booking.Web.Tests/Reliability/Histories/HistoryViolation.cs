namespace Booking.Web.Tests.Reliability.Histories;

/// <summary>What a history of answers and the log it left behind must satisfy together.</summary>
public enum HistoryRule
{
    /// <summary>An acknowledged answer has exactly the events it describes, consecutive, with its correlation id.</summary>
    AnswerMatchesEvents,

    /// <summary>The numbers in an answer (waiting position, tickets left, waiting count) equal the fold right after its events.</summary>
    AnswerMatchesFold,

    /// <summary>A 404/409 answer left no event behind.</summary>
    RejectionLeavesNoEvent,

    /// <summary>A rejection was true at some moment between its request being sent and its answer arriving.</summary>
    RejectionJustified,

    /// <summary>Every event (but the initialization) belongs to exactly one request of this ticketed event.</summary>
    EventHasRequest,

    /// <summary>A request answered before another was sent has its events earlier in the stream.</summary>
    RealTimeOrder,

    /// <summary>The events of a user served by one client are in the order that client got its answers.</summary>
    PerUserOrder,

    /// <summary>Every answer is one of the documented ones.</summary>
    DocumentedAnswer,
}

public sealed record HistoryViolation(long EventId, HistoryRule Rule, string Detail)
{
    public override string ToString() => $"{EventId} {Rule}: {Detail}";
}
