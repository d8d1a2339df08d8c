namespace Booking.Web.Api;

public sealed record InitializeResponse(Guid EventId, string EventName, int TotalTickets, int AvailableTickets);

/// <summary>Status is "booked" or "waitlisted"; position (1 = next in line) only when waitlisted.</summary>
public sealed record BookingResponse(string Status, Guid EventId, long UserId, int? Position);

/// <summary>Status is "cancelled" (a seat was given back) or "left-waitlist"; promotedUserId got the seat, if anyone waited.</summary>
public sealed record CancelResponse(string Status, Guid EventId, long UserId, long? PromotedUserId, int AvailableTickets, int WaitingListCount);

public sealed record StatusResponse(Guid EventId, string EventName, int TotalTickets, int AvailableTickets, int WaitingListCount);

/// <summary>One processor's in-memory state. The waiting list is cut to its first <see cref="DebugCacheResponse.MaxWaitingShown"/> entries.</summary>
public sealed record DebugCacheEntry(
    Guid EventId, string EventName, int TotalTickets, int AvailableTickets, int BookedCount, int WaitingListCount,
    IReadOnlyList<long> WaitingList, long Version, int QueuedCommands);

public sealed record DebugCacheResponse(int Count, IReadOnlyList<DebugCacheEntry> Events)
{
    public const int MaxWaitingShown = 100;
}
