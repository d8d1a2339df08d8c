namespace Booking.Core.Auditing;

/// <summary>The rules the audit checks at every version of a ticketed event's stream.</summary>
public enum AuditRule
{
    /// <summary>The first event is TicketsInitialized, and only the first.</summary>
    InitializedFirst,

    /// <summary>Versions run 1, 2, 3, … without gaps or repeats.</summary>
    ContiguousVersions,

    /// <summary>Never more bookings than tickets.</summary>
    NoOversell,

    /// <summary>Nobody joins the waiting list while a seat is free, and no seat stays free while anyone waits.</summary>
    NoFreeSeatWhileWaiting,

    /// <summary>At most one booking or one waiting-list entry per user.</summary>
    OneEntryPerUser,

    /// <summary>
    /// A promotion goes to the first waiting user, once, and only right after a cancellation, or right after a capacity
    /// raise (one per freed seat, in queue order).
    /// </summary>
    FifoPromotion,

    /// <summary>The capacity is never set below the number of seats booked.</summary>
    CapacityCoversBookings,

    /// <summary>Nobody books or joins the waiting list while sales are closed.</summary>
    NoSalesWhileClosed,

    /// <summary>A cancellation or leaving concerns a user who held that booking or place.</summary>
    CancelMatchesEntry,

    /// <summary>The stream row's version equals the number of events.</summary>
    StreamRowAgrees,

    /// <summary>The status read model equals the fold of the stream.</summary>
    StatusAgrees,
}

/// <summary>One broken rule, where it was found.</summary>
public sealed record AuditViolation(string StreamId, long Version, AuditRule Rule, string Detail);
