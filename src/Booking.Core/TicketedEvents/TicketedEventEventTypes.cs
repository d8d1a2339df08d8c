using System.Collections.Frozen;

namespace Booking.Core.TicketedEvents;

/// <summary>
/// The names events are stored under. Stored rows outlive CLR type names, so a name never changes once
/// released; a new shape gets a new name.
/// </summary>
public static class TicketedEventEventTypes
{
    public const string Initialized = "tickets-initialized";
    public const string Booked = "ticket-booked";
    public const string Joined = "waitlist-joined";
    public const string Cancelled = "booking-cancelled";
    public const string Left = "waitlist-left";
    public const string Promoted = "waitlist-promoted";
    public const string CapacityChanged = "capacity-changed";
    public const string SalesClosed = "sales-closed";
    public const string SalesReopened = "sales-reopened";

    public static IReadOnlyDictionary<string, Type> All { get; } = new Dictionary<string, Type>
    {
        [Initialized] = typeof(TicketsInitialized),
        [Booked] = typeof(TicketBooked),
        [Joined] = typeof(WaitlistJoined),
        [Cancelled] = typeof(BookingCancelled),
        [Left] = typeof(WaitlistLeft),
        [Promoted] = typeof(WaitlistPromoted),
        [CapacityChanged] = typeof(CapacityChanged),
        [SalesClosed] = typeof(SalesClosed),
        [SalesReopened] = typeof(SalesReopened),
    }.ToFrozenDictionary();

    /// <summary>The reverse of <see cref="All"/>, for writers that hold an event and need its stored name.</summary>
    public static IReadOnlyDictionary<Type, string> Names { get; } =
        All.ToFrozenDictionary(pair => pair.Value, pair => pair.Key);
}
