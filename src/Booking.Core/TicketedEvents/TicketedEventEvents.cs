namespace Booking.Core.TicketedEvents;

/// <summary>
/// What happened to a ticketed event: the closed set of facts its stream holds, one sealed case each. The constructor
/// is private protected, so no case is added outside this assembly; C# cannot check a switch over the cases for
/// exhaustiveness, so every switch ends in <see cref="Unknown"/> and <c>TicketedEventEventTests</c> checks that each case
/// is registered, folded and shown.
/// </summary>
public abstract record TicketedEventEvent
{
    private protected TicketedEventEvent()
    {
    }

    /// <summary>For the arm no case reaches: a case added here but not to that switch.</summary>
    public static System.Diagnostics.UnreachableException Unknown(TicketedEventEvent @event) =>
        new($"No arm for ticketed-event event {@event.GetType().Name}.");
}

public sealed record TicketsInitialized(TicketedEventId TicketedEventId, string Name, int TotalTickets) : TicketedEventEvent;

public sealed record TicketBooked(UserId UserId) : TicketedEventEvent;

public sealed record WaitlistJoined(UserId UserId) : TicketedEventEvent;

/// <summary>A booked user gave their seat back.</summary>
public sealed record BookingCancelled(UserId UserId) : TicketedEventEvent;

/// <summary>A waiting user gave up their place in the queue.</summary>
public sealed record WaitlistLeft(UserId UserId) : TicketedEventEvent;

/// <summary>The first waiting user received a seat freed by a cancellation or a capacity raise and now holds a booking.</summary>
public sealed record WaitlistPromoted(UserId UserId) : TicketedEventEvent;

/// <summary>The operator changed the number of seats; a raise is followed, in the same append, by one promotion per seat it frees for a waiting user.</summary>
public sealed record CapacityChanged(int TotalTickets) : TicketedEventEvent;

/// <summary>The operator stopped sales: nobody books or joins the waiting list until sales reopen; cancellations still promote.</summary>
public sealed record SalesClosed : TicketedEventEvent;

/// <summary>The operator opened sales again after closing them.</summary>
public sealed record SalesReopened : TicketedEventEvent;
