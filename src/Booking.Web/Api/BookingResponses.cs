namespace Booking.Web.Api;

public sealed record InitializeResponse(long EventId, string EventName, int TotalTickets, int AvailableTickets);

/// <summary>Status is "booked" or "waitlisted"; position (1 = next in line) only when waitlisted.</summary>
public sealed record BookingResponse(string Status, long EventId, long UserId, int? Position);

/// <summary>Status is "cancelled" (a seat was given back) or "left-waitlist"; promotedUserId got the seat, if anyone waited.</summary>
public sealed record CancelResponse(string Status, long EventId, long UserId, long? PromotedUserId, int AvailableTickets, int WaitingListCount);

/// <summary>salesOpen is false after the operator closed sales (book then answers 409 sales-closed).</summary>
public sealed record StatusResponse(long EventId, string EventName, int TotalTickets, int AvailableTickets, int WaitingListCount, bool SalesOpen = true);

/// <summary>One processor's in-memory state. The waiting list is cut to its first <see cref="DebugCacheResponse.MaxWaitingShown"/> entries.</summary>
public sealed record DebugCacheEntry(
    long EventId, string EventName, int TotalTickets, int AvailableTickets, int BookedCount, int WaitingListCount,
    IReadOnlyList<long> WaitingList, long Version, int QueuedCommands);

public sealed record DebugCacheResponse(int Count, IReadOnlyList<DebugCacheEntry> Events)
{
    public const int MaxWaitingShown = 100;
}
