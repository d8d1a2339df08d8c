namespace Booking.Reliability.Tests.Histories;

internal enum OperationKind
{
    Book,
    Cancel,
}

/// <summary>What a client learned from one request.</summary>
public enum Outcome
{
    /// <summary>2xx: the service says it happened.</summary>
    Acknowledged,

    /// <summary>4xx: the service says it refused (or, for a duplicate delivery, that it had already happened).</summary>
    Rejected,

    /// <summary>5xx: the service says it could not do it; after a database crash the commit may still have happened.</summary>
    Failed,

    /// <summary>The connection broke or timed out after the request was sent: it may or may not have happened.</summary>
    InFlight,

    /// <summary>The connection was refused: the request never reached a service.</summary>
    NotSent,
}

/// <summary>
/// One request and its answer. <paramref name="Answer"/> is the body's <c>status</c> for a 2xx ("booked",
/// "waitlisted", "cancelled", "left-waitlist") and the problem <c>type</c> for a 4xx.
/// </summary>
internal sealed record Operation(OperationKind Kind, long EventId, long UserId, int Endpoint, Outcome Outcome, int StatusCode, string? Answer)
{
    public override string ToString() => $"{Kind} user {UserId} on {EventId} via #{Endpoint}: {Outcome} {StatusCode} {Answer}";
}
