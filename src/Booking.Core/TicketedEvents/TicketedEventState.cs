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
    public ImmutableHashSet<UserId> Booked { get; private init; } = [];
    public Waitlist Waitlist { get; private init; } = Waitlist.Empty;

    /// <summary>The number of events folded so far, which is the stream version the state reflects.</summary>
    public long Version { get; private init; }

    public int Available => TotalTickets - Booked.Count;
    public int WaitingCount => Waitlist.Count;
    public UserId? FirstWaiting => Waitlist.First;
    public IEnumerable<UserId> WaitingInOrder => Waitlist.InOrder;

    public bool IsBooked(UserId user) => Booked.Contains(user);

    public bool IsWaiting(UserId user) => Waitlist.Contains(user);

    public static TicketedEventState Fold(IEnumerable<object> events) => events.Aggregate(Initial, Evolve);

    public static TicketedEventState Evolve(TicketedEventState state, object @event)
    {
        ArgumentNullException.ThrowIfNull(state);
        var version = state.Version + 1;
        return @event switch
        {
            TicketsInitialized(var id, var name, var totalTickets) =>
                state with { Exists = true, Id = id, Name = name, TotalTickets = totalTickets, Version = version },
            TicketBooked(var user) => state with { Booked = state.Booked.Add(user), Version = version },
            WaitlistJoined(var user) => state with { Waitlist = state.Waitlist.Join(user), Version = version },
            BookingCancelled(var user) => state with { Booked = state.Booked.Remove(user), Version = version },
            WaitlistLeft(var user) => state with { Waitlist = state.Waitlist.Leave(user), Version = version },
            WaitlistPromoted(var user) => state with
            {
                Booked = state.Booked.Add(user),
                Waitlist = state.Waitlist.Leave(user),
                Version = version,
            },
            _ => throw new ArgumentException($"Unknown event type '{@event?.GetType()}'.", nameof(@event)),
        };
    }
}
