namespace Booking.Core.TicketedEvents;

public abstract record TicketedEventCommand;

public sealed record InitializeTickets(TicketedEventId Id, string Name, int TotalTickets) : TicketedEventCommand;

public sealed record BookTicket(UserId UserId) : TicketedEventCommand;

public sealed record CancelBooking(UserId UserId) : TicketedEventCommand;

/// <summary>The operator sets the number of seats: at least the number booked.</summary>
public sealed record ChangeCapacity(int TotalTickets) : TicketedEventCommand;

public sealed record CloseSales : TicketedEventCommand;

public sealed record ReopenSales : TicketedEventCommand;
