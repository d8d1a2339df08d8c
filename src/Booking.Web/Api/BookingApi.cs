using Booking.Core.Processing;
using Booking.Core.TicketedEvents;
using Booking.Web.Api.Idempotency;
using Booking.Web.Api.OpenApi;
using Booking.Web.Security;
using EventStore;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Booking.Web.Api;

/// <summary>The seed's routes: initialize, book, cancel. Every command goes through its ticketed event's processor.</summary>
public static class BookingApi
{
    public static IEndpointRouteBuilder MapBookingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/events").WithTags("Bookings").ProducesCommonProblems();
        api.MapPost("/initialize", Initialize).WithName("Initialize").WithSummary("Creates a ticketed event with N tickets.")
            .DescribesBody<InitializeRequest>().ProducesBodyProblems(ProblemCatalog.IdempotencyKey);
        api.MapPost("/book", Book).WithName("Book").RequireUserWhenConfigured(app.ServiceProvider)
            .WithSummary("Books a ticket, or joins the waiting list when sold out.")
            .DescribesBody<BookingRequest>().ProducesBodyProblems(ProblemCatalog.IdempotencyKey)
            .ProducesProblems(Problems.EventNotFound, Problems.AlreadyBooked, Problems.AlreadyWaiting, Problems.SalesClosed);
        api.MapPost("/cancel", Cancel).WithName("Cancel").RequireUserWhenConfigured(app.ServiceProvider)
            .WithSummary("Cancels a booking (promoting the first waiting user) or leaves the waiting list.")
            .DescribesBody<BookingRequest>().ProducesBodyProblems(ProblemCatalog.IdempotencyKey)
            .ProducesProblems(Problems.EventNotFound, Problems.NothingToCancel);
        api.MapGet("/status/{eventId}", StatusApi.GetStatus).WithName("GetStatus").RequireAuthorization(BasicAuthentication.AdminPolicy)
            .WithSummary("Available tickets and waiting-list count, from the status read model; with asOf (a version or UTC time), as they were then.")
            .ProducesProblems(Problems.Validation, Problems.EventNotFound, Problems.Unauthorized);
        api.MapGet("/{eventId}/history", HistoryApi.GetHistory).WithName("GetHistory").RequireAuthorization(BasicAuthentication.AdminPolicy)
            .WithSummary("The audit trail of one ticketed event: its recorded events in version order, a page at a time.")
            .ProducesProblems(Problems.Validation, Problems.EventNotFound, Problems.Unauthorized);
        return app;
    }

    // Each route takes an optional Idempotency-Key (declared for the OpenAPI document; read with its repetitions by
    // IdempotencyKeyHeader). With a key, the answer is stored with the events and replayed for a retry.
    public static async Task<Results<Created<InitializeResponse>, ProblemHttpResult, StoredReply>> Initialize(
        HttpRequest request, BookingProcessors processors, ISequenceNumbers numbers, [FromHeader(Name = IdempotencyKeyHeader.Name)] string? idempotencyKey,
        CancellationToken cancellationToken)
    {
        var (key, keyProblem) = await IdempotencyKeyHeader.ReadAsync(request, "initialize", cancellationToken);
        if (keyProblem is not null)
            return keyProblem;
        var (body, problem) = await JsonBody.ReadObjectAsync(request, cancellationToken);
        if (problem is not null)
            return problem;
        var errors = new FieldErrors();
        if (BookingRequests.ToInitialize(body, errors) is not var (name, totalTickets))
            return ValidationAsProblem(errors);

        // The id is taken from the store's sequence only for a request that will run: valid, and with a new key.
        async Task<(TicketedEventId, TicketedEventCommand)> AddressAsync()
        {
            var id = new TicketedEventId(await numbers.NextAsync(TicketedEventId.Sequence, cancellationToken));
            return (id, new InitializeTickets(id, name, totalTickets));
        }

        if (key is not null)
            return await processors.SendAsync(key, AddressAsync, request.HttpContext, InitializeAnswer);
        var (id, command) = await AddressAsync();
        return InitializeAnswer(await processors.SendAsync(id, command, Correlation.Of(request.HttpContext)));
    }

    public static async Task<Results<Created<BookingResponse>, ProblemHttpResult, StoredReply>> Book(
        HttpRequest request, BookingProcessors processors, [FromHeader(Name = IdempotencyKeyHeader.Name)] string? idempotencyKey, CancellationToken cancellationToken)
    {
        var (key, booking, problem) = await ReadUsersRequestAsync(request, "book", cancellationToken);
        if (booking is not var (eventId, user))
            return problem!;

        var command = new BookTicket(user);
        if (key is not null)
            return await processors.SendAsync(key, eventId, command, request.HttpContext, result => BookAnswer(eventId, user, result));
        return BookAnswer(eventId, user, await processors.SendAsync(eventId, command, Correlation.Of(request.HttpContext)));
    }

    public static async Task<Results<Ok<CancelResponse>, ProblemHttpResult, StoredReply>> Cancel(
        HttpRequest request, BookingProcessors processors, [FromHeader(Name = IdempotencyKeyHeader.Name)] string? idempotencyKey, CancellationToken cancellationToken)
    {
        var (key, booking, problem) = await ReadUsersRequestAsync(request, "cancel", cancellationToken);
        if (booking is not var (eventId, user))
            return problem!;

        var command = new CancelBooking(user);
        if (key is not null)
            return await processors.SendAsync(key, eventId, command, request.HttpContext, result => CancelAnswer(eventId, user, result));
        return CancelAnswer(eventId, user, await processors.SendAsync(eventId, command, Correlation.Of(request.HttpContext)));
    }

    private static Results<Created<InitializeResponse>, ProblemHttpResult, StoredReply> InitializeAnswer(CommandResult result)
    {
        if (result.Decision.IsRejected)
            return Rejected(result.Decision.Rejection);
        var state = result.StateAfter;
        return TypedResults.Created(
            $"/api/events/status/{state.Id.Value}",
            new InitializeResponse(state.Id.Value, state.Name, state.TotalTickets, state.Available));
    }

    private static Results<Created<BookingResponse>, ProblemHttpResult, StoredReply> BookAnswer(TicketedEventId eventId, UserId user, CommandResult result)
    {
        if (result.Decision.IsRejected)
            return Rejected(result.Decision.Rejection);
        var response = result.Decision.Events[0] is WaitlistJoined
            ? new BookingResponse("waitlisted", eventId.Value, user.Value, result.StateAfter.WaitingCount)
            : new BookingResponse("booked", eventId.Value, user.Value, null);
        return TypedResults.Created($"/api/events/status/{eventId.Value}", response);
    }

    private static Results<Ok<CancelResponse>, ProblemHttpResult, StoredReply> CancelAnswer(TicketedEventId eventId, UserId user, CommandResult result)
    {
        if (result.Decision.IsRejected)
            return Rejected(result.Decision.Rejection);
        var promoted = result.Decision.Events.OfType<WaitlistPromoted>().Select(p => (long?)p.UserId.Value).FirstOrDefault();
        var status = result.Decision.Events[0] is WaitlistLeft ? "left-waitlist" : "cancelled";
        var state = result.StateAfter;
        return TypedResults.Ok(new CancelResponse(status, eventId.Value, user.Value, promoted, state.Available, state.WaitingCount));
    }

    // Book and cancel: the key, then the body, then whether the caller may act for that user (in JWT mode); the first
    // problem found is the answer.
    private static async Task<(IdempotencyKey? Key, (TicketedEventId EventId, UserId UserId)? Booking, ProblemHttpResult? Problem)> ReadUsersRequestAsync(
        HttpRequest request, string route, CancellationToken cancellationToken)
    {
        var (key, keyProblem) = await IdempotencyKeyHeader.ReadAsync(request, route, cancellationToken);
        if (keyProblem is not null)
            return (null, null, keyProblem);
        var (booking, problem) = await ReadBookingAsync(request, cancellationToken);
        if (booking is not var (_, user))
            return (null, null, problem);
        return UserAuthentication.RefuseOtherUser(request.HttpContext, user) is { } forbidden ? (null, null, forbidden) : (key, booking, null);
    }

    private static async Task<((TicketedEventId EventId, UserId UserId)? Booking, ProblemHttpResult? Problem)> ReadBookingAsync(
        HttpRequest request, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadObjectAsync(request, cancellationToken);
        if (problem is not null)
            return (null, problem);
        var errors = new FieldErrors();
        var booking = BookingRequests.ToBooking(body, errors);
        return booking is null ? (null, ValidationAsProblem(errors)) : (booking, null);
    }

    private static ProblemHttpResult ValidationAsProblem(FieldErrors errors) =>
        errors.ToProblem("One or more fields are invalid; nothing was changed.");

    internal static ProblemHttpResult Rejected(Rejection rejection) => rejection.Reason switch
    {
        RejectionReason.NotFound => JsonBody.Problem(StatusCodes.Status404NotFound, Problems.EventNotFound, "Event not found", rejection.Detail),
        RejectionReason.NothingToCancel => JsonBody.Problem(StatusCodes.Status404NotFound, Problems.NothingToCancel, "Nothing to cancel", rejection.Detail),
        RejectionReason.AlreadyBooked => JsonBody.Problem(StatusCodes.Status409Conflict, Problems.AlreadyBooked, "Already booked", rejection.Detail),
        RejectionReason.AlreadyWaiting => JsonBody.Problem(StatusCodes.Status409Conflict, Problems.AlreadyWaiting, "Already on the waiting list", rejection.Detail),
        RejectionReason.AlreadyInitialized => JsonBody.Problem(StatusCodes.Status409Conflict, Problems.AlreadyInitialized, "Already initialized", rejection.Detail),
        RejectionReason.SalesClosed => JsonBody.Problem(StatusCodes.Status409Conflict, Problems.SalesClosed, "Sales closed", rejection.Detail),
        RejectionReason.CapacityBelowBooked => JsonBody.Problem(StatusCodes.Status409Conflict, Problems.CapacityBelowBooked, "Capacity below booked", rejection.Detail),
        _ => throw new ArgumentOutOfRangeException(nameof(rejection), rejection.Reason, "Unknown rejection."),
    };
}
