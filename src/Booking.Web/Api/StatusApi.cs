using Booking.Core.Serialization;
using Booking.Core.TicketedEvents;
using EventStore;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Booking.Web.Api;

/// <summary>Status from the inline read model (the same in every process), with the stream version as ETag.</summary>
public static class StatusApi
{
    public static async Task<Results<Ok<StatusResponse>, StatusCodeHttpResult, ProblemHttpResult>> GetStatus(
        Guid eventId, HttpContext context, IEventStore store, CancellationToken cancellationToken)
    {
        var stored = await store.LoadDocumentAsync<TicketedEventStatus>(BookingEventTypes.StatusProjection, eventId.ToString(), cancellationToken);
        if (stored is null)
            return JsonBody.Problem(StatusCodes.Status404NotFound, Problems.EventNotFound, "Event not found", $"No ticketed event has id {eventId}.");

        var etag = $"\"{stored.StreamVersion}\"";
        context.Response.Headers.ETag = etag;
        if (context.Request.Headers.IfNoneMatch.Contains(etag))
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);

        var s = stored.Document;
        return TypedResults.Ok(new StatusResponse(s.EventId.Value, s.EventName, s.TotalTickets, s.AvailableTickets, s.WaitingListCount));
    }
}
