using System.Collections.Frozen;

namespace Booking.Core.TicketedEvents;

/// <summary>
/// The status read model as a projection over events alone: counts, not sets, so a rebuild can resume from a
/// stored document without the full state. Agrees with <see cref="TicketedEventStatus.From"/> at every version.
/// Only <see cref="TicketsInitialized"/> and <see cref="CapacityChanged"/> carry anything it needs; every other event counts by its type name,
/// which lets a rebuild leave those payloads in the database (<see cref="PayloadTypes"/>).
/// </summary>
public static class StatusProjection
{
    /// <summary>The event types whose payload the projection reads.</summary>
    public static IReadOnlySet<string> PayloadTypes { get; } = new[] { TicketedEventEventTypes.Initialized, TicketedEventEventTypes.CapacityChanged }.ToFrozenSet(StringComparer.Ordinal);

    public static TicketedEventStatus? Apply(TicketedEventStatus? status, TicketedEventEvent @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        return Apply(status, TicketedEventEventTypes.Names[@event.GetType()], @event);
    }

    /// <summary>Applies one event given by its stored type name; <paramref name="data"/> is needed for <see cref="PayloadTypes"/> only.</summary>
    public static TicketedEventStatus? Apply(TicketedEventStatus? status, string eventType, object? data)
    {
        if (eventType == TicketedEventEventTypes.Initialized)
        {
            return data is TicketsInitialized(var id, var name, var total)
                ? new TicketedEventStatus(id, name, total, total, 0, 1)
                : throw new ArgumentException($"A {eventType} event needs its payload.", nameof(data));
        }

        if (status is null)
            return null;

        var next = status with { Version = status.Version + 1 };
        return eventType switch
        {
            TicketedEventEventTypes.Booked => next with { AvailableTickets = status.AvailableTickets - 1 },
            TicketedEventEventTypes.Joined => next with { WaitingListCount = status.WaitingListCount + 1 },
            TicketedEventEventTypes.Cancelled => next with { AvailableTickets = status.AvailableTickets + 1 },
            TicketedEventEventTypes.Left => next with { WaitingListCount = status.WaitingListCount - 1 },
            TicketedEventEventTypes.Promoted => next with { AvailableTickets = status.AvailableTickets - 1, WaitingListCount = status.WaitingListCount - 1 },
            TicketedEventEventTypes.CapacityChanged => data is CapacityChanged(var total)
                ? next with { TotalTickets = total, AvailableTickets = status.AvailableTickets + (total - status.TotalTickets) }
                : throw new ArgumentException($"A {eventType} event needs its payload.", nameof(data)),
            TicketedEventEventTypes.SalesClosed => next with { SalesOpen = false },
            TicketedEventEventTypes.SalesReopened => next with { SalesOpen = true },
            _ => throw new ArgumentException($"Unknown event type '{eventType}'.", nameof(eventType)),
        };
    }
}
