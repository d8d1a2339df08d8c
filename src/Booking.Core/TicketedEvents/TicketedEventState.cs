using System.Collections.Immutable;

namespace Booking.Core.TicketedEvents;

/// <summary>
/// A ticketed event as folded from its stream. Setters are private so the only way to a new state is
/// <see cref="Evolve"/>, which trusts the events: they are facts the decider already checked.
/// </summary>
public sealed record TicketedEventState
{
    private TicketedEventState()
    {
    }

    public static TicketedEventState Initial { get; } = new();

    public bool Exists { get; private init; }
    public TicketedEventId Id { get; private init; }
    public string Name { get; private init; } = string.Empty;
    public int TotalTickets { get; private init; }
    public bool SalesOpen { get; private init; }

    /// <summary>The users holding a seat, each with the stream version at which they got it (booked or promoted).</summary>
    public ImmutableDictionary<UserId, long> Seats { get; private init; } = ImmutableDictionary<UserId, long>.Empty;

    public Waitlist Waitlist { get; private init; } = Waitlist.Empty;

    /// <summary>The number of events folded so far, which is the stream version the state reflects.</summary>
    public long Version { get; private init; }

    public IEnumerable<UserId> Booked => Seats.Keys;
    public int BookedCount => Seats.Count;
    public int Available => TotalTickets - Seats.Count;
    public int WaitingCount => Waitlist.Count;
    public UserId? FirstWaiting => Waitlist.First;
    public IEnumerable<UserId> WaitingInOrder => Waitlist.InOrder;

    public bool IsBooked(UserId user) => Seats.ContainsKey(user);

    public bool IsWaiting(UserId user) => Waitlist.Contains(user);

    /// <summary>The stream version at which <paramref name="user"/> got their seat, if they hold one.</summary>
    public long? SeatedAt(UserId user) => Seats.TryGetValue(user, out var version) ? version : null;

    public static TicketedEventState Fold(IEnumerable<TicketedEventEvent> events) => events.Aggregate(Initial, Evolve);

    public static TicketedEventState Evolve(TicketedEventState state, TicketedEventEvent @event)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(@event);
        var version = state.Version + 1;
        return @event switch
        {
            TicketsInitialized(var id, var name, var totalTickets) =>
                state with { Exists = true, Id = id, Name = name, TotalTickets = totalTickets, SalesOpen = true, Version = version },
            TicketBooked(var user) => state with { Seats = state.Seats.SetItem(user, version), Version = version },
            WaitlistJoined(var user) => state with { Waitlist = state.Waitlist.Join(user, version), Version = version },
            BookingCancelled(var user) => state with { Seats = state.Seats.Remove(user), Version = version },
            WaitlistLeft(var user) => state with { Waitlist = state.Waitlist.Leave(user), Version = version },
            WaitlistPromoted(var user) => state with
            {
                Seats = state.Seats.SetItem(user, version),
                Waitlist = state.Waitlist.Leave(user),
                Version = version,
            },
            CapacityChanged(var totalTickets) => state with { TotalTickets = totalTickets, Version = version },
            SalesClosed => state with { SalesOpen = false, Version = version },
            SalesReopened => state with { SalesOpen = true, Version = version },
            _ => throw TicketedEventEvent.Unknown(@event),
        };
    }
}
