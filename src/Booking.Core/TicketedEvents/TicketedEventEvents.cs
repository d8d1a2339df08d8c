namespace Booking.Core.TicketedEvents;

public sealed record TicketsInitialized(TicketedEventId TicketedEventId, string Name, int TotalTickets);

public sealed record TicketBooked(UserId UserId);

public sealed record WaitlistJoined(UserId UserId);

/// <summary>A booked user gave their seat back.</summary>
public sealed record BookingCancelled(UserId UserId);

/// <summary>A waiting user gave up their place in the queue.</summary>
public sealed record WaitlistLeft(UserId UserId);

/// <summary>The first waiting user received a seat freed by a cancellation or a capacity raise and now holds a booking.</summary>
public sealed record WaitlistPromoted(UserId UserId);

/// <summary>The operator changed the number of seats; a raise is followed, in the same append, by one promotion per seat it frees for a waiting user.</summary>
public sealed record CapacityChanged(int TotalTickets);

/// <summary>The operator stopped sales: nobody books or joins the waiting list until sales reopen; cancellations still promote.</summary>
public sealed record SalesClosed;

/// <summary>The operator opened sales again after closing them.</summary>
public sealed record SalesReopened;
