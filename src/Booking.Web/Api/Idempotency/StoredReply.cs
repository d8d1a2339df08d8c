using Booking.Core.Idempotency;

namespace Booking.Web.Api.Idempotency;

/// <summary>
/// The reply stored for an idempotency key, written byte for byte: the first time and on every replay, the latter
/// marked with <c>Idempotency-Replayed: true</c>.
/// </summary>
public sealed class StoredReply(IdempotentReply reply, bool replayed) : IResult, IStatusCodeHttpResult
{
    public const string ReplayedHeader = "Idempotency-Replayed";

    public int? StatusCode => reply.Status;

    public bool Replayed => replayed;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = reply.Status;
        response.ContentType = reply.Status >= StatusCodes.Status400BadRequest ? "application/problem+json" : "application/json; charset=utf-8";
        if (reply.Location is not null)
            response.Headers.Location = reply.Location;
        if (replayed)
            response.Headers[ReplayedHeader] = "true";
        await response.WriteAsync(reply.Body, httpContext.RequestAborted);
    }
}
