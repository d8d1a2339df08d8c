using Booking.Core.TicketedEvents;
using EventStore;

namespace EventBooking.Testing.Histories;

public enum OperationKind
{
    Book,
    Cancel,
}

/// <summary>What the service answered, reduced to what the checker reasons about.</summary>
public enum Outcome
{
    Booked,
    Waitlisted,
    Cancelled,
    LeftWaitlist,
    AlreadyBooked,
    AlreadyWaiting,
    NothingToCancel,
    EventNotFound,

    /// <summary>
    /// 503: the service says it could not do it. Nothing was written, unless the database was killed and a commit
    /// lost its answer (<see cref="HistoryOptions.UnavailableMayHaveCommitted"/>).
    /// </summary>
    Unavailable,

    /// <summary>No answer (the connection broke or timed out once sent): it may or may not have happened (Jepsen's "info").</summary>
    Indeterminate,

    /// <summary>The connection was refused: the request never reached a service, so nothing may have happened.</summary>
    NotSent,

    /// <summary>Any other answer (400, 500, an unknown body): never expected from a well-formed request.</summary>
    Unexpected,
}

/// <summary>The answer's fields that must agree with the log; null where the answer has no such field.</summary>
public sealed record Answer(
    Outcome Outcome, int StatusCode, int? Position = null, long? PromotedUserId = null, int? AvailableTickets = null,
    int? WaitingListCount = null, string? Body = null)
{
    /// <summary>A definite answer that changed something.</summary>
    public bool IsAcknowledged => Outcome is Outcome.Booked or Outcome.Waitlisted or Outcome.Cancelled or Outcome.LeftWaitlist;

    public bool IsRejected => Outcome is Outcome.AlreadyBooked or Outcome.AlreadyWaiting or Outcome.NothingToCancel or Outcome.EventNotFound;
}

/// <summary>
/// One request as its client saw it. <paramref name="Id"/> went out as the X-Correlation-Id header, so every event
/// the request caused carries it. Times are <see cref="System.Diagnostics.Stopwatch"/> ticks taken right before
/// sending and right after the whole answer was read. <paramref name="Client"/> sends one request at a time;
/// <paramref name="Endpoint"/> is the service (host or process) it went to, where there are several.
/// </summary>
public sealed record Operation(
    Guid Id, int Client, long EventId, long UserId, OperationKind Kind, long InvokedAt, long CompletedAt, Answer Answer, int Endpoint = 0)
{
    public override string ToString() =>
        $"{Kind} user {UserId} on {EventId} by client {Client} via #{Endpoint} (request {Id}): {Answer.Outcome} {Answer.StatusCode} {Answer.Body}";
}

/// <summary>One event of a ticketed event's stream, with the correlation id that ties it to a request.</summary>
public sealed record LoggedEvent(long Version, TicketedEventEvent Data, Guid? CorrelationId)
{
    public static LoggedEvent From(RecordedEvent recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        return new(recorded.Version, recorded.TicketedEvent(), recorded.CorrelationId);
    }

    /// <summary>The user the event is about (none for TicketsInitialized).</summary>
    public long? UserId => UserOf(Data);

    public static long? UserOf(TicketedEventEvent data) => data switch
    {
        TicketBooked e => e.UserId.Value,
        WaitlistJoined e => e.UserId.Value,
        BookingCancelled e => e.UserId.Value,
        WaitlistLeft e => e.UserId.Value,
        WaitlistPromoted e => e.UserId.Value,
        _ => null,
    };
}
