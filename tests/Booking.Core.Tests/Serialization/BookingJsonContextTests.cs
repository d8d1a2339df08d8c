using System.Text.Json;
using Booking.Core.Serialization;
using Booking.Core.Tests.TicketedEvents;
using Booking.Core.TicketedEvents;

namespace Booking.Core.Tests.Serialization;

public class BookingJsonContextTests
{
    public static TheoryData<string, object> Events => new()
    {
        { "tickets-initialized", Fixtures.Initialized(100) },
        { "ticket-booked", new TicketBooked(Fixtures.Alice) },
        { "waitlist-joined", new WaitlistJoined(Fixtures.Alice) },
        { "booking-cancelled", new BookingCancelled(Fixtures.Alice) },
        { "waitlist-left", new WaitlistLeft(Fixtures.Alice) },
        { "waitlist-promoted", new WaitlistPromoted(Fixtures.Alice) },
        { "capacity-changed", new CapacityChanged(120) },
        { "sales-closed", new SalesClosed() },
        { "sales-reopened", new SalesReopened() },
    };

    [Theory]
    [MemberData(nameof(Events))]
    public void Event_round_trips_under_its_stored_name(string name, object @event)
    {
        var type = TicketedEventEventTypes.All[name];
        TicketedEventEventTypes.Names[type].ShouldBe(name);

        var json = JsonSerializer.Serialize(@event, type, BookingJsonContext.Default);

        JsonSerializer.Deserialize(json, type, BookingJsonContext.Default).ShouldBe(@event);
    }

    [Fact]
    public void Every_stored_name_is_covered_here_and_in_the_context()
    {
        TicketedEventEventTypes.All.Keys.ShouldBe(Events.Select(row => (string)row[0]), ignoreOrder: true);
        TicketedEventEventTypes.All.Values.ShouldAllBe(type => BookingJsonContext.Default.GetTypeInfo(type) != null);
    }

    [Fact]
    public void UserId_is_written_as_a_number()
    {
        var serialized = JsonSerializer.Serialize(
            new TicketBooked(Fixtures.Alice), BookingJsonContext.Default.TicketBooked);

        serialized.ShouldBe("""{"userId":1}""");
    }

    [Fact]
    public void TicketedEventId_is_written_as_a_number()
    {
        var id = Fixtures.ConcertId.Value;

        var json = JsonSerializer.Serialize(Fixtures.Initialized(100), BookingJsonContext.Default.TicketsInitialized);

        json.ShouldBe($$"""{"ticketedEventId":{{id}},"name":"{{Fixtures.ConcertName}}","totalTickets":100}""");
    }

    [Fact]
    public void TicketedEventStatus_round_trips_in_camel_case()
    {
        var status = new TicketedEventStatus(Fixtures.ConcertId, "Gig", 10, 4, 0, 7);

        var serialized = JsonSerializer.Serialize(status, BookingJsonContext.Default.TicketedEventStatus);

        using var json = JsonDocument.Parse(serialized);
        json.RootElement.EnumerateObject().Select(property => property.Name).ShouldBe(
            ["eventId", "eventName", "totalTickets", "availableTickets", "waitingListCount", "version", "salesOpen"]);
        json.RootElement.GetProperty("eventId").GetInt64().ShouldBe(Fixtures.ConcertId.Value);
        JsonSerializer.Deserialize(serialized, BookingJsonContext.Default.TicketedEventStatus).ShouldBe(status);
    }

    [Theory]
    [InlineData("""{"ticketedEventId":"concert","name":"Gig","totalTickets":1}""")]
    [InlineData("""{"ticketedEventId":"6f1c2a52-9a5e-4c61-8d36-0d6f0c6b2a11","name":"Gig","totalTickets":1}""")]
    [InlineData("""{"ticketedEventId":"42","name":"Gig","totalTickets":1}""")]
    [InlineData("""{"ticketedEventId":0,"name":"Gig","totalTickets":1}""")]
    [InlineData("""{"ticketedEventId":-3,"name":"Gig","totalTickets":1}""")]
    [InlineData("""{"ticketedEventId":1.5,"name":"Gig","totalTickets":1}""")]
    public void TicketedEventId_not_a_positive_number_fails_to_read(string json) =>
        Should.Throw<JsonException>(() => JsonSerializer.Deserialize(json, BookingJsonContext.Default.TicketsInitialized));

    [Theory]
    [InlineData("""{"userId":0}""")]
    [InlineData("""{"userId":-3}""")]
    public void UserId_not_positive_fails_to_read(string json) =>
        Should.Throw<JsonException>(() => JsonSerializer.Deserialize(json, BookingJsonContext.Default.TicketBooked));
}
