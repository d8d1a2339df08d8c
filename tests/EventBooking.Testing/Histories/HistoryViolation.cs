namespace EventBooking.Testing.Histories;

/// <summary>What a history of answers and the log it left behind must satisfy together.</summary>
public enum HistoryRule
{
    /// <summary>An acknowledged answer has exactly the events it describes, consecutive, with its correlation id.</summary>
    AnswerMatchesEvents,

    /// <summary>The numbers in an answer (waiting position, tickets left, waiting count) equal the fold right after its events.</summary>
    AnswerMatchesFold,

    /// <summary>
    /// A 404/409 answer, or a request that never reached a service, left no event behind (where a request can be
    /// delivered twice, its second delivery's "already" answer may follow the first delivery's events).
    /// </summary>
    RejectionLeavesNoEvent,

    /// <summary>A 503 left no event behind, unless the database was killed (a commit may then have lost its answer).</summary>
    UnavailableLeavesNoEvent,

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

/// <summary>What the run under check allows that a plain run does not.</summary>
/// <param name="UnavailableMayHaveCommitted">
/// The database was killed or cut off mid-commit, so a 503 may follow a commit whose answer the service never got.
/// </param>
/// <param name="RedeliveryPossible">
/// Requests went over real connections, which a client retries when a reused one turns out closed: a request may
/// arrive twice, and its second delivery is answered "already booked / waiting / nothing to cancel".
/// </param>
public sealed record HistoryOptions(bool UnavailableMayHaveCommitted = false, bool RedeliveryPossible = false);
