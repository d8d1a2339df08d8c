using System.Collections.Frozen;
using EventStore;

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

/// <summary>Where the store's untyped payloads become this domain's events.</summary>
public static class RecordedTicketedEvents
{
    /// <summary>The event <paramref name="recorded"/> holds: every type registered in <see cref="TicketedEventEventTypes.All"/> is a <see cref="TicketedEventEvent"/>.</summary>
    public static TicketedEventEvent TicketedEvent(this RecordedEvent recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        return AsTicketedEvent(recorded.Data, recorded.EventType);
    }

    /// <summary>The payload of a header read with its payload (a type in the rebuild's payload types).</summary>
    public static TicketedEventEvent TicketedEvent(this EventHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return AsTicketedEvent(header.Data, header.EventType);
    }

    private static TicketedEventEvent AsTicketedEvent(object? data, string eventType) =>
        data as TicketedEventEvent ?? throw new InvalidOperationException($"The stored '{eventType}' event is not a ticketed-event event ({data?.GetType().Name ?? "no payload"}).");
}
