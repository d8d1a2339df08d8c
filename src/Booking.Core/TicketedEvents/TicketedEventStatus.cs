namespace Booking.Core.TicketedEvents;

/// <summary>The read-model document served by the status endpoint.</summary>
public sealed record TicketedEventStatus(
    TicketedEventId EventId,
    string EventName,
    int TotalTickets,
    int AvailableTickets,
    int WaitingListCount,
    long Version,
    bool SalesOpen = true)
{
    public static TicketedEventStatus From(TicketedEventState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!state.Exists)
        {
            throw new ArgumentException("A ticketed event that was never initialized has no status.", nameof(state));
        }

        return new(state.Id, state.Name, state.TotalTickets, state.Available, state.WaitingCount, state.Version, state.SalesOpen);
    }
}
