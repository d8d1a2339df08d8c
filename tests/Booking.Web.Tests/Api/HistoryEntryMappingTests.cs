using System.Text.Json;
using Booking.Core.TicketedEvents;
using Booking.Web.Api;
using EventStore;

namespace Booking.Web.Tests.Api;

public sealed class HistoryEntryMappingTests
{
    private static readonly UserId User = new(42);

    private static readonly object[] Samples =
    [
        new TicketsInitialized(new TicketedEventId(1), "Gala", 3),
        new TicketBooked(User),
        new WaitlistJoined(User),
        new BookingCancelled(User),
        new WaitlistLeft(User),
        new WaitlistPromoted(User),
        new CapacityChanged(5),
        new SalesClosed(),
        new SalesReopened(),
    ];

    public static TheoryData<object> OneOfEachEvent() => new(Samples);

    [Fact]
    public void ToEntry_samples_cover_every_registered_event_type() =>
        Samples.Select(e => e.GetType()).ShouldBe(TicketedEventEventTypes.All.Values, ignoreOrder: true);

    [Theory]
    [MemberData(nameof(OneOfEachEvent))]
    public void ToEntry_of_each_registered_event_type_keeps_the_stored_name_and_the_user(object data)
    {
        var type = TicketedEventEventTypes.Names[data.GetType()];
        var recorded = new RecordedEvent(Guid.NewGuid(), "s", 3, 9, type, data, new DateTime(2030, 1, 2, 3, 4, 5, DateTimeKind.Utc), null, null);

        var entry = HistoryApi.ToEntry(recorded);

        entry.Type.ShouldBe(type);
        (entry.Version, entry.Position, entry.RecordedAt).ShouldBe((3L, 9L, recorded.RecordedAt));
        entry.UserId.ShouldBe(data is TicketsInitialized or CapacityChanged or SalesClosed or SalesReopened ? null : User.Value);
        entry.Data.ShouldBe(data switch
        {
            TicketsInitialized => new HistoryEntryData("Gala", 3),
            CapacityChanged => new HistoryEntryData(TotalTickets: 5),
            _ => new HistoryEntryData(),
        });
    }

    public static TheoryData<string, string> WireForm => new()
    {
        { TicketedEventEventTypes.Initialized, """{"version":3,"position":9,"type":"tickets-initialized","recordedAt":"2030-01-02T03:04:05Z","data":{"eventName":"Gala","totalTickets":3}}""" },
        { TicketedEventEventTypes.Booked, """{"version":3,"position":9,"type":"ticket-booked","recordedAt":"2030-01-02T03:04:05Z","userId":42,"data":{}}""" },
        { TicketedEventEventTypes.Joined, """{"version":3,"position":9,"type":"waitlist-joined","recordedAt":"2030-01-02T03:04:05Z","userId":42,"data":{}}""" },
        { TicketedEventEventTypes.Cancelled, """{"version":3,"position":9,"type":"booking-cancelled","recordedAt":"2030-01-02T03:04:05Z","userId":42,"data":{}}""" },
        { TicketedEventEventTypes.Left, """{"version":3,"position":9,"type":"waitlist-left","recordedAt":"2030-01-02T03:04:05Z","userId":42,"data":{}}""" },
        { TicketedEventEventTypes.Promoted, """{"version":3,"position":9,"type":"waitlist-promoted","recordedAt":"2030-01-02T03:04:05Z","userId":42,"data":{}}""" },
        { TicketedEventEventTypes.CapacityChanged, """{"version":3,"position":9,"type":"capacity-changed","recordedAt":"2030-01-02T03:04:05Z","data":{"totalTickets":5}}""" },
        { TicketedEventEventTypes.SalesClosed, """{"version":3,"position":9,"type":"sales-closed","recordedAt":"2030-01-02T03:04:05Z","data":{}}""" },
        { TicketedEventEventTypes.SalesReopened, """{"version":3,"position":9,"type":"sales-reopened","recordedAt":"2030-01-02T03:04:05Z","data":{}}""" },
    };

    // The HTTP history's bytes per event type, as the service writes them (the wire form outlives the domain records).
    [Theory]
    [MemberData(nameof(WireForm))]
    public void ToEntry_of_each_registered_event_type_is_written_as_the_same_json(string type, string json)
    {
        var data = Samples.Single(e => TicketedEventEventTypes.Names[e.GetType()] == type);
        var recorded = new RecordedEvent(Guid.NewGuid(), "s", 3, 9, type, data, new DateTime(2030, 1, 2, 3, 4, 5, DateTimeKind.Utc), null, null);

        JsonSerializer.Serialize(HistoryApi.ToEntry(recorded), WebJsonContext.Default.HistoryEntry).ShouldBe(json);
    }
}
