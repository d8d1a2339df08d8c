using Booking.Core.TicketedEvents;

namespace Booking.Core.Tests.TicketedEvents;

internal static class Fixtures
{
    public static readonly TicketedEventId ConcertId = new(Guid.Parse("6f1c2a52-9a5e-4c61-8d36-0d6f0c6b2a11"));
    public const string ConcertName = "Nick Cave at the Royal Albert Hall";

    public static readonly UserId Alice = new(1);
    public static readonly UserId Bob = new(2);
    public static readonly UserId Carol = new(3);
    public static readonly UserId Dave = new(4);
    public static readonly UserId Erin = new(5);

    public static TicketsInitialized Initialized(int totalTickets) => new(ConcertId, ConcertName, totalTickets);
}
