using System.Collections.Frozen;

namespace Booking.Core.TicketedEvents;

/// <summary>
/// The names events are stored under. Stored rows outlive CLR type names, so a name never changes once
/// released; a new shape gets a new name.
/// </summary>
public static class TicketedEventEventTypes
{
    public static IReadOnlyDictionary<string, Type> All { get; } = new Dictionary<string, Type>
    {
        ["tickets-initialized"] = typeof(TicketsInitialized),
        ["ticket-booked"] = typeof(TicketBooked),
        ["waitlist-joined"] = typeof(WaitlistJoined),
        ["booking-cancelled"] = typeof(BookingCancelled),
        ["waitlist-left"] = typeof(WaitlistLeft),
        ["waitlist-promoted"] = typeof(WaitlistPromoted),
    }.ToFrozenDictionary();

    /// <summary>The reverse of <see cref="All"/>, for writers that hold an event and need its stored name.</summary>
    public static IReadOnlyDictionary<Type, string> Names { get; } =
        All.ToFrozenDictionary(pair => pair.Value, pair => pair.Key);
}
