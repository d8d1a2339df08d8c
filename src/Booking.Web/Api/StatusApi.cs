using Booking.Core.Serialization;
using Booking.Core.TicketedEvents;
using EventStore;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Booking.Web.Api;

/// <summary>
/// Status from the inline read model (the same in every process), with the stream version as ETag; with
/// <c>asOf</c>, the status at an earlier point, folded from the stream, with the version it reflects as ETag.
/// </summary>
public static class StatusApi
{
    public static async Task<Results<Ok<StatusResponse>, StatusCodeHttpResult, ProblemHttpResult>> GetStatus(
        string eventId, string? asOf, HttpContext context, IDocumentReader documents, IEventReader events, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (RouteEventId.Parse(eventId, errors) is not { } id)
            return errors.AsProblem();
        if (asOf is not null)
            return await GetStatusAsOf(id, asOf, context, events, cancellationToken);

        var stored = await LoadAsync(documents, id, cancellationToken);
        if (stored is null)
            return RouteEventId.NotFound(id);
        return OkUnlessNotModified(context, stored.StreamVersion, stored.Document);
    }

    /// <summary>The status read model's document of one ticketed event, or null if there is none.</summary>
    public static Task<StoredDocument<TicketedEventStatus>?> LoadAsync(IDocumentReader store, TicketedEventId id, CancellationToken cancellationToken) =>
        store.LoadDocumentAsync<TicketedEventStatus>(BookingEventTypes.StatusProjection, id.DocumentKey, cancellationToken);

    /// <summary>A status document as the API shows it.</summary>
    public static StatusResponse ToResponse(TicketedEventStatus status) =>
        new(status.EventId.Value, status.EventName, status.TotalTickets, status.AvailableTickets, status.WaitingListCount, status.SalesOpen);

    private static async Task<Results<Ok<StatusResponse>, StatusCodeHttpResult, ProblemHttpResult>> GetStatusAsOf(
        TicketedEventId eventId, string asOf, HttpContext context, IEventReader store, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (StatusAsOf.Parse(asOf, errors) is not { } point)
            return errors.AsProblem();

        var (status, streamExists) = await point.FoldAsync(store, eventId, cancellationToken);
        if (status is null)
        {
            var detail = streamExists ? $"Ticketed event {eventId} did not exist yet at {point}." : $"No ticketed event has id {eventId}.";
            return JsonBody.Problem(StatusCodes.Status404NotFound, Problems.EventNotFound, "Event not found", detail);
        }

        return OkUnlessNotModified(context, status.Version, status);
    }

    private static Results<Ok<StatusResponse>, StatusCodeHttpResult, ProblemHttpResult> OkUnlessNotModified(
        HttpContext context, long version, TicketedEventStatus status)
    {
        var etag = new EntityTagHeaderValue($"\"{version}\"");
        context.Response.GetTypedHeaders().ETag = etag;
        // RFC 9110 13.1.2: If-None-Match uses the weak comparison, and "*" matches any current version.
        if (context.Request.GetTypedHeaders().IfNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false)))
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);

        return TypedResults.Ok(ToResponse(status));
    }
}
