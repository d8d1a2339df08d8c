using Booking.Core.TicketedEvents;
using Booking.Web.Api;
using Booking.Web.Api.OpenApi;
using Booking.Web.Security;
using EventStore;
using EventStore.Subscriptions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Booking.Web.Webhooks;

/// <summary>The operator's webhook subscriptions (basic auth): register, list, inspect, delete, replay.</summary>
public static class WebhooksApi
{
    private const string IdPrefix = "wh_";

    public static IEndpointRouteBuilder MapWebhooks(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/webhooks").WithTags("Webhooks").RequireAuthorization(BasicAuthentication.AdminPolicy)
            .ProducesCommonProblems().ProducesProblems(Problems.Unauthorized);
        api.MapPost("/", Create).WithName("CreateWebhook")
            .WithSummary("Subscribes a URL to the events recorded from now on (optionally of some types or one ticketed event); the answer holds the signing secret.")
            .DescribesBody<WebhookRequest>().ProducesBodyProblems();
        api.MapGet("/", List).WithName("ListWebhooks").WithSummary("Every subscription with its checkpoint, lag and status.");
        api.MapGet("/{id}", Get).WithName("GetWebhook").WithSummary("One subscription: checkpoint, lag, status and last error.")
            .ProducesProblems(Problems.WebhookNotFound);
        api.MapDelete("/{id}", Delete).WithName("DeleteWebhook").WithSummary("Deletes a subscription; its deliveries stop.")
            .ProducesProblems(Problems.WebhookNotFound);
        api.MapPost("/{id}/replay", Replay).WithName("ReplayWebhook")
            .WithSummary("Delivers again from a global position and resumes a failing subscription.")
            .DescribesBody<ReplayRequest>().ProducesBodyProblems(Problems.WebhookNotFound);
        return app;
    }

    public static async Task<Results<Created<WebhookCreatedResponse>, ProblemHttpResult>> Create(
        HttpRequest request, ISubscriptionStore subscriptions, IEventStore events, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadObjectAsync(request, cancellationToken);
        if (problem is not null)
            return problem;
        var errors = new FieldErrors();
        if (WebhookRequests.ToSubscription(body, errors) is not var (url, types, eventId))
            return errors.ToProblem("One or more fields are invalid; nothing was changed.");

        var definition = new WebhookDefinition(url, types, eventId, WebhookSignature.NewSecret());
        var id = IdPrefix + Guid.CreateVersion7().ToString("N");
        // From the next event on: what is recorded already can be had with a replay.
        var head = await events.ReadHeadPositionAsync(cancellationToken);
        await subscriptions.CreateAsync(id, definition.ToJson(), head + 1, cancellationToken);
        return TypedResults.Created($"/api/webhooks/{id}", new WebhookCreatedResponse(id, url, TypesOf(definition), eventId, definition.Secret));
    }

    public static async Task<Ok<WebhookListResponse>> List(ISubscriptionStore subscriptions, IEventStore events, CancellationToken cancellationToken)
    {
        var all = await subscriptions.ListAsync(cancellationToken);
        var head = await events.ReadHeadPositionAsync(cancellationToken);
        return TypedResults.Ok(new WebhookListResponse([.. all.Where(s => s.Id.StartsWith(IdPrefix, StringComparison.Ordinal)).Select(s => ToResponse(s, head))]));
    }

    public static async Task<Results<Ok<WebhookResponse>, ProblemHttpResult>> Get(
        string id, ISubscriptionStore subscriptions, IEventStore events, CancellationToken cancellationToken)
    {
        if (!IsWebhookId(id) || await subscriptions.GetAsync(id, cancellationToken) is not { } state)
            return NotFound(id);
        return TypedResults.Ok(ToResponse(state, await events.ReadHeadPositionAsync(cancellationToken)));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(string id, ISubscriptionStore subscriptions, CancellationToken cancellationToken) =>
        IsWebhookId(id) && await subscriptions.DeleteAsync(id, cancellationToken) ? TypedResults.NoContent() : NotFound(id);

    public static async Task<Results<Ok<WebhookResponse>, ProblemHttpResult>> Replay(
        string id, HttpRequest request, ISubscriptionStore subscriptions, IEventStore events, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadObjectAsync(request, cancellationToken);
        if (problem is not null)
            return problem;
        var errors = new FieldErrors();
        if (WebhookRequests.ToReplay(body, errors) is not { } position)
            return errors.ToProblem("One or more fields are invalid; nothing was changed.");
        if (!IsWebhookId(id) || !await subscriptions.ReplayAsync(id, position, cancellationToken))
            return NotFound(id);
        return await Get(id, subscriptions, events, cancellationToken);
    }

    internal static WebhookResponse ToResponse(SubscriptionState state, long head)
    {
        var definition = WebhookDefinition.FromJson(state.Definition);
        return new WebhookResponse(
            state.Id, definition.Url, TypesOf(definition), definition.EventId, state.Status == SubscriptionStatus.Active ? "active" : "failing",
            state.Position, Math.Max(0, head + 1 - state.Position), state.LastError, state.LeaseOwner, state.CreatedAt, state.UpdatedAt);
    }

    private static IReadOnlyList<string> TypesOf(WebhookDefinition definition) =>
        definition.Types ?? [.. TicketedEventEventTypes.All.Keys.Order(StringComparer.Ordinal)];

    internal static bool IsWebhookId(string id) =>
        id.StartsWith(IdPrefix, StringComparison.Ordinal) && id.Length <= 100 && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private static ProblemHttpResult NotFound(string id) =>
        JsonBody.Problem(StatusCodes.Status404NotFound, Problems.WebhookNotFound, "Webhook not found",
            $"No webhook subscription has id '{(id.Length > 100 ? id[..100] + "..." : id)}'.");
}
