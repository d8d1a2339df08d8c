namespace Booking.Core.TicketedEvents;

public abstract record TicketedEventCommand;

public sealed record InitializeTickets(TicketedEventId Id, string Name, int TotalTickets) : TicketedEventCommand;

public sealed record BookTicket(UserId UserId) : TicketedEventCommand;

public sealed record CancelBooking(UserId UserId) : TicketedEventCommand;
