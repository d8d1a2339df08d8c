using Booking.Core.TicketedEvents;

namespace Booking.Core.Tests.TicketedEvents;

public class ValueTypeTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-7)]
    public void UserId_not_positive_throws(long value) =>
        Should.Throw<ArgumentOutOfRangeException>(() => new UserId(value));

    [Fact]
    public void TicketedEventId_StreamId_uses_lower_case_dashed_guid() =>
        new TicketedEventId(Guid.Parse("6F1C2A52-9A5E-4C61-8D36-0D6F0C6B2A11"))
            .StreamId.ShouldBe("ticketed-event-6f1c2a52-9a5e-4c61-8d36-0d6f0c6b2a11");

    [Fact]
    public void TicketedEventStatus_From_maps_the_state()
    {
        var state = TicketedEventState.Fold(
            [Fixtures.Initialized(3), new TicketBooked(Fixtures.Alice), new TicketBooked(Fixtures.Bob)]);

        TicketedEventStatus.From(state)
            .ShouldBe(new TicketedEventStatus(Fixtures.ConcertId, Fixtures.ConcertName, 3, 1, 0, 3));
    }

    [Fact]
    public void TicketedEventStatus_From_state_never_initialized_throws() =>
        Should.Throw<ArgumentException>(() => TicketedEventStatus.From(TicketedEventState.Initial));
}
