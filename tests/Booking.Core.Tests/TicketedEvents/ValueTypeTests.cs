using Booking.Core.TicketedEvents;

namespace Booking.Core.Tests.TicketedEvents;

public class ValueTypeTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-7)]
    public void UserId_not_positive_throws(long value) =>
        Should.Throw<ArgumentOutOfRangeException>(() => new UserId(value));

    [Theory]
    [InlineData(0)]
    [InlineData(-7)]
    public void TicketedEventId_not_positive_throws(long value) =>
        Should.Throw<ArgumentOutOfRangeException>(() => new TicketedEventId(value));

    [Fact]
    public void TicketedEventId_StreamId_uses_the_plain_number() =>
        new TicketedEventId(42).StreamId.ShouldBe("ticketed-event-42");

    [Fact]
    public void TicketedEventId_DocumentKey_is_the_number_zero_padded_to_19_digits() =>
        new TicketedEventId(42).DocumentKey.ShouldBe("0000000000000000042");

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
