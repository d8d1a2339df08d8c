using Booking.Core.TicketedEvents;
using static Booking.Core.Tests.TicketedEvents.Fixtures;

namespace Booking.Core.Tests.TicketedEvents;

public class InitializeTicketsTests
{
    [Fact]
    public void Given_nothing_When_InitializeTickets_Then_TicketsInitialized() =>
        Spec.Given()
            .When(new InitializeTickets(ConcertId, ConcertName, 100))
            .Then(new TicketsInitialized(ConcertId, ConcertName, 100));

    [Fact]
    public void Given_initialized_When_InitializeTickets_again_Then_rejected_AlreadyInitialized() =>
        Spec.Given(Initialized(100))
            .When(new InitializeTickets(ConcertId, "Another name", 50))
            .ThenRejected(RejectionReason.AlreadyInitialized);

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Given_nothing_When_InitializeTickets_with_no_tickets_Then_throws(int totalTickets) =>
        Should.Throw<ArgumentOutOfRangeException>(() =>
            TicketedEventDecider.Decide(
                TicketedEventState.Initial, new InitializeTickets(ConcertId, ConcertName, totalTickets)));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Given_nothing_When_InitializeTickets_with_blank_name_Then_throws(string name) =>
        Should.Throw<ArgumentException>(() =>
            TicketedEventDecider.Decide(TicketedEventState.Initial, new InitializeTickets(ConcertId, name, 10)));
}
