namespace Booking.Core.TicketedEvents;

public static class TicketedEventDecider
{
    public static Decision Decide(TicketedEventState state, TicketedEventCommand command)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(command);
        return command switch
        {
            InitializeTickets initialize => Initialize(state, initialize),
            _ when !state.Exists =>
                Decision.Reject(RejectionReason.NotFound, "No ticketed event has been initialized in this stream."),
            BookTicket(var user) => Book(state, user),
            CancelBooking(var user) => Cancel(state, user),
            ChangeCapacity(var total) => ChangeCapacity(state, total),
            CloseSales => state.SalesOpen ? Decision.Accept(new SalesClosed()) : Decision.Accept(),
            ReopenSales => state.SalesOpen ? Decision.Accept() : Decision.Accept(new SalesReopened()),
            _ => throw new ArgumentException($"Unknown command '{command.GetType()}'.", nameof(command)),
        };
    }

    private static Decision Initialize(TicketedEventState state, InitializeTickets command)
    {
        // The HTTP edge validates input; reaching here with bad values is a bug, not a rejection.
        ArgumentException.ThrowIfNullOrWhiteSpace(command.Name, nameof(command));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(command.TotalTickets, nameof(command));
        return state.Exists
            ? Decision.Reject(RejectionReason.AlreadyInitialized, $"'{state.Name}' already has its tickets.")
            : Decision.Accept(new TicketsInitialized(command.Id, command.Name, command.TotalTickets));
    }

    private static Decision Book(TicketedEventState state, UserId user)
    {
        if (state.IsBooked(user))
        {
            return Decision.Reject(RejectionReason.AlreadyBooked, $"User {user.Value} already holds a ticket.");
        }

        if (state.IsWaiting(user))
        {
            return Decision.Reject(
                RejectionReason.AlreadyWaiting, $"User {user.Value} is already on the waiting list.");
        }

        if (!state.SalesOpen)
        {
            return Decision.Reject(
                RejectionReason.SalesClosed, $"Sales for '{state.Name}' are closed: no bookings and no waiting-list joins until they reopen.");
        }

        return state.Available > 0
            ? Decision.Accept(new TicketBooked(user))
            : Decision.Accept(new WaitlistJoined(user));
    }

    private static Decision Cancel(TicketedEventState state, UserId user)
    {
        if (state.IsBooked(user))
        {
            // The freed seat goes straight to the first waiter, so no seat is ever free while someone waits.
            return state.FirstWaiting is { } next
                ? Decision.Accept(new BookingCancelled(user), new WaitlistPromoted(next))
                : Decision.Accept(new BookingCancelled(user));
        }

        return state.IsWaiting(user)
            ? Decision.Accept(new WaitlistLeft(user))
            : Decision.Reject(
                RejectionReason.NothingToCancel,
                $"User {user.Value} has neither a ticket nor a place on the waiting list.");
    }

    private static Decision ChangeCapacity(TicketedEventState state, int totalTickets)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(totalTickets, nameof(totalTickets));
        if (totalTickets < state.BookedCount)
        {
            return Decision.Reject(
                RejectionReason.CapacityBelowBooked,
                $"{state.BookedCount} seats are booked, so '{state.Name}' cannot have fewer than {state.BookedCount} tickets (asked for {totalTickets}).");
        }

        if (totalTickets == state.TotalTickets)
            return Decision.Accept();

        // Seats a raise frees go to the waiting list first, in queue order, so no seat is ever free while someone waits.
        var freed = totalTickets - state.BookedCount;
        var promotions = state.Waitlist.Take(freed).Select(user => (TicketedEventEvent)new WaitlistPromoted(user));
        return Decision.Accept([new CapacityChanged(totalTickets), .. promotions]);
    }
}
