using Booking.Core.TicketedEvents;
using static Booking.Core.Tests.TicketedEvents.Fixtures;

namespace Booking.Core.Tests.TicketedEvents;

public class InvariantTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Decide_then_Evolve_keeps_invariants_through_random_bookings_and_cancellations(int seed)
    {
        // A fixed seed keeps the run reproducible while still mixing the commands in orders nobody wrote down.
        var random = new Random(seed);
        var state = TicketedEventState.Fold([Initialized(5)]);

        for (var step = 0; step < 2_000; step++)
        {
            var user = new UserId(random.Next(1, 16));
            TicketedEventCommand command = random.Next(2) == 0 ? new BookTicket(user) : new CancelBooking(user);
            var decision = TicketedEventDecider.Decide(state, command);
            state = decision.Events.Aggregate(state, TicketedEventState.Evolve);
            Invariants.Check(state);
        }
    }
}
