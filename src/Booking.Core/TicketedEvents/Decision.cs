using System.Diagnostics.CodeAnalysis;

namespace Booking.Core.TicketedEvents;

public enum RejectionReason
{
    NotFound,
    AlreadyInitialized,
    AlreadyBooked,
    AlreadyWaiting,
    NothingToCancel,
    SalesClosed,
    CapacityBelowBooked,
}

public sealed record Rejection(RejectionReason Reason, string Detail);

/// <summary>The outcome of a command: either the events to append (possibly none) or why it was refused.</summary>
public sealed class Decision
{
    private Decision(IReadOnlyList<TicketedEventEvent> events, Rejection? rejection)
    {
        Events = events;
        Rejection = rejection;
    }

    public IReadOnlyList<TicketedEventEvent> Events { get; }
    public Rejection? Rejection { get; }

    [MemberNotNullWhen(true, nameof(Rejection))]
    public bool IsRejected => Rejection is not null;

    public static Decision Accept(params TicketedEventEvent[] events) => new([.. events], null);

    public static Decision Reject(RejectionReason reason, string detail) => new([], new Rejection(reason, detail));
}
