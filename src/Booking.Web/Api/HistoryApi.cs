using Booking.Core.TicketedEvents;
using EventStore;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Booking.Web.Api;

/// <summary>The audit trail of one ticketed event, straight from its stream, paged by version.</summary>
public static class HistoryApi
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    private static readonly HistoryEntryData NoData = new();

    public static async Task<Results<Ok<HistoryResponse>, ProblemHttpResult>> GetHistory(
        string eventId, string? fromVersion, string? limit, IEventReader events, IStreamVersions streams, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var id = RouteEventId.Parse(eventId, errors);
        var from = errors.QueryInteger("fromVersion", fromVersion, 1, 1, FieldErrors.MaxSafeInteger);
        var max = (int?)errors.QueryInteger("limit", limit, DefaultLimit, 1, MaxLimit);
        if (errors.Any)
            return errors.AsProblem();

        // One event past the page tells whether another page follows, without a second query that could race an append.
        var streamId = id!.Value.StreamId;
        var page = await events.ReadStreamAsync(streamId, from!.Value, max!.Value + 1, cancellationToken);
        if (page.Count == 0 && await streams.GetStreamAsync(streamId, cancellationToken) is null)
            return RouteEventId.NotFound(id.Value);

        var entries = page.Take(max.Value).Select(ToEntry).ToList();
        var next = page.Count > max.Value ? page[max.Value].Version : (long?)null;
        return TypedResults.Ok(new HistoryResponse(id.Value.Value, from.Value, max.Value, entries, next));
    }

    /// <summary>Explicit per type, so the wire shape stays put when a domain record changes.</summary>
    internal static HistoryEntry ToEntry(RecordedEvent recorded)
    {
        var @event = recorded.TicketedEvent();
        var (userId, data) = @event switch
        {
            TicketsInitialized e => ((long?)null, new HistoryEntryData(e.Name, e.TotalTickets)),
            TicketBooked e => (e.UserId.Value, NoData),
            WaitlistJoined e => (e.UserId.Value, NoData),
            BookingCancelled e => (e.UserId.Value, NoData),
            WaitlistLeft e => (e.UserId.Value, NoData),
            WaitlistPromoted e => (e.UserId.Value, NoData),
            CapacityChanged e => (null, new HistoryEntryData(TotalTickets: e.TotalTickets)),
            SalesClosed or SalesReopened => (null, NoData),
            _ => throw TicketedEventEvent.Unknown(@event),
        };
        return new HistoryEntry(
            recorded.Version, recorded.Position, recorded.EventType, DateTime.SpecifyKind(recorded.RecordedAt, DateTimeKind.Utc),
            userId, data, recorded.CorrelationId, recorded.CausationId);
    }
}
