using Booking.Core.Processing;
using Booking.Core.Serialization;
using Booking.Core.TicketedEvents;
using Booking.Web.Api.OpenApi;
using Booking.Web.Security;
using EventStore;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Booking.Web.Api;

/// <summary>
/// The operator's side of a sale (basic auth): which ticketed events exist, who holds the seats and who waits, and
/// the capacity and sales switches. Lists come from read models; changes go through the ticketed event's processor.
/// </summary>
public static class SalesApi
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 1000;

    public static IEndpointRouteBuilder MapSalesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/events").WithTags("Sales").RequireAuthorization(BasicAuthentication.AdminPolicy)
            .ProducesCommonProblems().ProducesProblems(Problems.Validation, Problems.Unauthorized);
        api.MapGet("/", ListEvents).WithName("ListEvents").WithSummary("The ticketed events, newest first, a page at a time, from the status read model.");
        api.MapGet("/{eventId}/bookings", BookingsApi.GetBookings).WithName("GetBookings")
            .WithSummary("Who holds a seat (in booking order), then the waiting list (in queue order), a page at a time, from the bookings read model.")
            .ProducesProblems(Problems.EventNotFound);
        api.MapPost("/{eventId}/capacity", ChangeCapacity).WithName("ChangeCapacity")
            .WithSummary("Sets the number of tickets: a raise promotes waiting users first come first served; a cut may not go below the seats booked.")
            .DescribesBody<CapacityRequest>().ProducesBodyProblems(Problems.EventNotFound, Problems.CapacityBelowBooked);
        api.MapPost("/{eventId}/close", (string eventId, BookingProcessors processors, HttpContext context) => SendAsync(eventId, new CloseSales(), processors, context))
            .WithName("CloseSales").WithSummary("Closes sales: book answers 409 sales-closed until they reopen; cancellations still promote the waiting list.")
            .ProducesProblems(Problems.EventNotFound);
        api.MapPost("/{eventId}/reopen", (string eventId, BookingProcessors processors, HttpContext context) => SendAsync(eventId, new ReopenSales(), processors, context))
            .WithName("ReopenSales").WithSummary("Reopens sales after a close.").ProducesProblems(Problems.EventNotFound);
        return app;
    }

    public static async Task<Results<Ok<EventListResponse>, ProblemHttpResult>> ListEvents(
        string? limit, string? after, IDocumentReader store, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var max = (int?)errors.QueryInteger("limit", limit, DefaultLimit, 1, MaxLimit);
        var before = after is null ? null : RouteEventId.Parse(after, errors, "after");
        if (errors.Any)
            return errors.AsProblem();

        // One document past the page tells whether another page follows.
        var range = new DocumentRange(string.Empty, before?.DocumentKey, max!.Value + 1, Descending: true);
        var page = await store.ListDocumentsAsync<TicketedEventStatus>(BookingEventTypes.StatusProjection, range, cancellationToken);
        var events = page.Take(max.Value).Select(d => StatusApi.ToResponse(d.Document)).ToList();
        return TypedResults.Ok(new EventListResponse(events, page.Count > max.Value ? events[^1].EventId : null));
    }

    public static async Task<Results<Ok<StatusResponse>, ProblemHttpResult>> ChangeCapacity(
        string eventId, HttpRequest request, BookingProcessors processors, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var id = RouteEventId.Parse(eventId, errors);
        var (body, problem) = await JsonBody.ReadObjectAsync(request, cancellationToken);
        if (problem is not null)
            return problem;
        var command = BookingRequests.ToChangeCapacity(body, errors);
        if (errors.Any)
            return errors.ToProblem("One or more fields are invalid; nothing was changed.");
        return Answer(await processors.SendAsync(id!.Value, command!, Correlation.Of(request.HttpContext)));
    }

    private static async Task<Results<Ok<StatusResponse>, ProblemHttpResult>> SendAsync(
        string eventId, TicketedEventCommand command, BookingProcessors processors, HttpContext context)
    {
        var errors = new FieldErrors();
        if (RouteEventId.Parse(eventId, errors) is not { } id)
            return errors.AsProblem();
        return Answer(await processors.SendAsync(id, command, Correlation.Of(context)));
    }

    private static Results<Ok<StatusResponse>, ProblemHttpResult> Answer(CommandResult result) =>
        result.Decision.IsRejected
            ? BookingApi.Rejected(result.Decision.Rejection)
            : TypedResults.Ok(StatusApi.ToResponse(TicketedEventStatus.From(result.StateAfter)));
}
