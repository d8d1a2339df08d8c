namespace Booking.Core.TicketedEvents;

/// <summary>
/// The status read model as a projection over events alone: counts, not sets, so a rebuild can resume from a
/// stored document without the full state. Agrees with <see cref="TicketedEventStatus.From"/> at every version.
/// </summary>
public static class StatusProjection
{
    public static TicketedEventStatus? Apply(TicketedEventStatus? status, object @event)
    {
        if (@event is TicketsInitialized(var id, var name, var total))
            return new TicketedEventStatus(id, name, total, total, 0, 1);
        if (status is null)
            return null;

        var next = status with { Version = status.Version + 1 };
        return @event switch
        {
            TicketBooked => next with { AvailableTickets = status.AvailableTickets - 1 },
            WaitlistJoined => next with { WaitingListCount = status.WaitingListCount + 1 },
            BookingCancelled => next with { AvailableTickets = status.AvailableTickets + 1 },
            WaitlistLeft => next with { WaitingListCount = status.WaitingListCount - 1 },
            WaitlistPromoted => next with { AvailableTickets = status.AvailableTickets - 1, WaitingListCount = status.WaitingListCount - 1 },
            _ => throw new ArgumentException($"Unknown event type '{@event.GetType()}'.", nameof(@event)),
        };
    }
}
