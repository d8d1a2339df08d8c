using Booking.Core.TicketedEvents;

namespace Booking.Core.Tests.TicketedEvents;

/// <summary>Given events, when a command, then events or a rejection: on the pure functions only.</summary>
internal static class Spec
{
    public static SpecGiven Given(params TicketedEventEvent[] events) => new(TicketedEventState.Fold(events));
}

internal sealed class SpecGiven(TicketedEventState state)
{
    public SpecOutcome When(TicketedEventCommand command) => new(state, TicketedEventDecider.Decide(state, command));
}

internal sealed class SpecOutcome(TicketedEventState state, Decision decision)
{
    public TicketedEventState Then(params TicketedEventEvent[] expectedEvents)
    {
        decision.Rejection.ShouldBeNull();
        decision.Events.ShouldBe(expectedEvents);
        // Invariants hold per decision, not per event: a cancellation frees a seat that its promotion refills.
        var next = decision.Events.Aggregate(state, TicketedEventState.Evolve);
        Invariants.Check(next);
        return next;
    }

    public Rejection ThenRejected(RejectionReason reason)
    {
        var rejection = decision.Rejection.ShouldNotBeNull();
        rejection.Reason.ShouldBe(reason);
        rejection.Detail.ShouldNotBeNullOrWhiteSpace();
        decision.Events.ShouldBeEmpty();
        return rejection;
    }
}
