using Booking.Core.Serialization;
using Booking.Core.TicketedEvents;
using EventStore;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

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

        var etag = new EntityTagHeaderValue($"\"{stored.StreamVersion}\"");
        context.Response.GetTypedHeaders().ETag = etag;
        // RFC 9110 13.1.2: If-None-Match uses the weak comparison, and "*" matches any current version.
        if (context.Request.GetTypedHeaders().IfNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false)))
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);

        var s = stored.Document;
        return TypedResults.Ok(new StatusResponse(s.EventId.Value, s.EventName, s.TotalTickets, s.AvailableTickets, s.WaitingListCount));
    }
}
