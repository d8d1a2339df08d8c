namespace Booking.Core.TicketedEvents;

public sealed record TicketsInitialized(TicketedEventId TicketedEventId, string Name, int TotalTickets);

public sealed record TicketBooked(UserId UserId);

public sealed record WaitlistJoined(UserId UserId);

/// <summary>A booked user gave their seat back.</summary>
public sealed record BookingCancelled(UserId UserId);

/// <summary>A waiting user gave up their place in the queue.</summary>
public sealed record WaitlistLeft(UserId UserId);

/// <summary>The first waiting user received the seat freed by a cancellation and now holds a booking.</summary>
public sealed record WaitlistPromoted(UserId UserId);
