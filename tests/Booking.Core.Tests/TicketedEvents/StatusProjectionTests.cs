using Booking.Core.TicketedEvents;

namespace Booking.Core.Tests.TicketedEvents;

public sealed class StatusProjectionTests
{
    [Fact]
    public void Apply_agrees_with_the_folded_state_at_every_version_of_a_random_history()
    {
        var random = new Random(42);
        var state = TicketedEventDecider.Decide(TicketedEventState.Initial, new InitializeTickets(new TicketedEventId(1), "show", 20))
            .Events.Aggregate(TicketedEventState.Initial, TicketedEventState.Evolve);
        var status = StatusProjection.Apply(null, new TicketsInitialized(state.Id, state.Name, state.TotalTickets));
        var byName = status;

        for (var i = 0; i < 5_000; i++)
        {
            var user = new UserId(random.Next(1, 60));
            TicketedEventCommand command = random.Next(3) == 0 ? new CancelBooking(user) : new BookTicket(user);
            foreach (var @event in TicketedEventDecider.Decide(state, command).Events)
            {
                state = TicketedEventState.Evolve(state, @event);
                status = StatusProjection.Apply(status, @event);
                status.ShouldBe(TicketedEventStatus.From(state));
                byName = StatusProjection.Apply(byName, TicketedEventEventTypes.Names[@event.GetType()], PayloadIfAsked(@event));
                byName.ShouldBe(status, "a rebuild reads payloads of PayloadTypes only and must still agree");
            }
        }
    }

    [Fact]
    public void Apply_of_tickets_initialized_without_its_payload_is_refused() =>
        Should.Throw<ArgumentException>(() => StatusProjection.Apply(null, TicketedEventEventTypes.Initialized, null));

    [Fact]
    public void Apply_of_an_unknown_type_name_is_refused() =>
        Should.Throw<ArgumentException>(() => StatusProjection.Apply(new TicketedEventStatus(new TicketedEventId(1), "show", 1, 1, 0, 1), "ticket-sold", null));

    private static TicketedEventEvent? PayloadIfAsked(TicketedEventEvent @event) =>
        StatusProjection.PayloadTypes.Contains(TicketedEventEventTypes.Names[@event.GetType()]) ? @event : null;

    [Fact]
    public void Apply_without_initialization_yields_nothing() =>
        StatusProjection.Apply(null, new TicketBooked(new UserId(1))).ShouldBeNull();
}
