using Booking.Core.TicketedEvents;

namespace Booking.Core.Tests.TicketedEvents;

internal static class Fixtures
{
    public static readonly TicketedEventId ConcertId = new(42);
    public const string ConcertName = "Nick Cave at the Royal Albert Hall";

    public static readonly UserId Alice = new(1);
    public static readonly UserId Bob = new(2);
    public static readonly UserId Carol = new(3);
    public static readonly UserId Dave = new(4);
    public static readonly UserId Erin = new(5);

    public static TicketsInitialized Initialized(int totalTickets) => new(ConcertId, ConcertName, totalTickets);
}
