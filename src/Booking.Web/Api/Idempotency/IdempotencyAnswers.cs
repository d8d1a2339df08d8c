using Booking.Core.Idempotency;
using Booking.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Booking.Web.Api.Idempotency;

/// <summary>
/// What a request with an idempotency key is answered, by outcome: the stored reply (first answer or replay, whatever
/// its status), 422 idempotency-key-reused, or 409 idempotency-key-in-flight with Retry-After.
/// </summary>
internal static class IdempotencyAnswers
{
    private static readonly TimeSpan InFlightRetryAfter = TimeSpan.FromSeconds(1);

    public static Results<TSuccess, ProblemHttpResult, StoredReply> For<TSuccess>(IdempotentResult outcome, HttpContext context)
        where TSuccess : IResult
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(context);
        switch (outcome)
        {
            case { Outcome: IdempotencyOutcome.Stored, Record: { } record }:
                return new StoredReply(record.Reply, replayed: false);
            case { Outcome: IdempotencyOutcome.Replayed, Record: { } record }:
                return new StoredReply(record.Reply, replayed: true);
            case { Outcome: IdempotencyOutcome.KeyReused }:
                return JsonBody.Problem(StatusCodes.Status422UnprocessableEntity, Problems.IdempotencyKeyReused, "Idempotency key reused",
                    "This Idempotency-Key was already used for a different request (another route or body); nothing was changed. Use a new key.");
            default:
                RetryAfter.Set(context.Response, InFlightRetryAfter);
                return JsonBody.Problem(StatusCodes.Status409Conflict, Problems.IdempotencyKeyInFlight, "Idempotency key in use",
                    "A request with this Idempotency-Key is still being processed; nothing was changed. Retry once it has finished to get its answer.");
        }
    }
}
