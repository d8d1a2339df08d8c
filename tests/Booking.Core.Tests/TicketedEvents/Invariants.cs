using Booking.Core.TicketedEvents;

namespace Booking.Core.Tests.TicketedEvents;

internal static class Invariants
{
    public static void Check(TicketedEventState state)
    {
        state.Available.ShouldBeGreaterThanOrEqualTo(0);
        if (state.WaitingCount > 0)
        {
            state.Available.ShouldBe(0, "a seat is free while users wait");
        }

        state.WaitingInOrder.Where(state.IsBooked).ShouldBeEmpty("a user is both booked and waiting");
        state.WaitingInOrder.Count().ShouldBe(state.WaitingCount);
    }
}
