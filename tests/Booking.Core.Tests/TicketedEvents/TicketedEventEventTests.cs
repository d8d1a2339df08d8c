using System.Text.Json;
using Booking.Core.Serialization;
using Booking.Core.TicketedEvents;

namespace Booking.Core.Tests.TicketedEvents;

/// <summary>
/// The closed hierarchy of <see cref="TicketedEventEvent"/>: C# does not check switches over its cases, so this does.
/// Each case is registered under its stored name, folds, feeds the read models, and keeps its stored JSON byte for byte.
/// </summary>
public sealed class TicketedEventEventTests
{
    private static readonly UserId User = new(7);

    public static TheoryData<TicketedEventEvent, string> OneOfEach => new()
    {
        { new TicketsInitialized(new TicketedEventId(3), "Gala", 2), """{"ticketedEventId":3,"name":"Gala","totalTickets":2}""" },
        { new TicketBooked(User), """{"userId":7}""" },
        { new WaitlistJoined(User), """{"userId":7}""" },
        { new BookingCancelled(User), """{"userId":7}""" },
        { new WaitlistLeft(User), """{"userId":7}""" },
        { new WaitlistPromoted(User), """{"userId":7}""" },
        { new CapacityChanged(5), """{"totalTickets":5}""" },
        { new SalesClosed(), "{}" },
        { new SalesReopened(), "{}" },
    };

    [Fact]
    public void Every_case_is_sealed_registered_and_sampled_here()
    {
        var cases = typeof(TicketedEventEvent).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(TicketedEventEvent))).ToList();

        cases.ShouldAllBe(t => t.IsSealed);
        TicketedEventEventTypes.All.Values.ShouldBe(cases, ignoreOrder: true);
        OneOfEach.Select(row => ((TicketedEventEvent)row[0]).GetType()).ShouldBe(cases, ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(OneOfEach))]
    public void Case_is_stored_as_the_same_json(TicketedEventEvent @event, string json) =>
        JsonSerializer.Serialize(@event, @event.GetType(), BookingJsonContext.Default).ShouldBe(json);

    [Theory]
    [MemberData(nameof(OneOfEach))]
    public void Case_folds_into_the_state_and_both_read_models(TicketedEventEvent @event, string json)
    {
        _ = json;
        var before = @event is TicketsInitialized ? TicketedEventState.Initial : Given();
        var after = TicketedEventState.Evolve(before, @event);

        after.Version.ShouldBe(before.Version + 1);
        Should.NotThrow(() => SeatsProjection.Apply(before, @event, after.Version, new Dictionary<string, SeatEntry?>(StringComparer.Ordinal)));
        StatusProjection.Apply(before.Exists ? TicketedEventStatus.From(before) : null, @event).ShouldNotBeNull().Version.ShouldBe(after.Version);
    }

    // A state every case folds onto (the fold trusts its events, so one state serves all).
    private static TicketedEventState Given() => TicketedEventState.Fold(
        [new TicketsInitialized(new TicketedEventId(3), "Gala", 1), new TicketBooked(new UserId(1)), new WaitlistJoined(User), new CapacityChanged(2)]);
}
