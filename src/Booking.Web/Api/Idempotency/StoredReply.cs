using System.Text.Json;
using Booking.Core.Idempotency;
using Microsoft.AspNetCore.Http.HttpResults;

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

    /// <summary>What a route's typed result looks like on the wire (JSON as the service writes it; problems without a trace id).</summary>
    public static IdempotentReply Render(IResult result) => result switch
    {
        Created<InitializeResponse> created => new(StatusCodes.Status201Created, created.Location, Json(created.Value, WebJsonContext.Default.InitializeResponse)),
        Created<BookingResponse> created => new(StatusCodes.Status201Created, created.Location, Json(created.Value, WebJsonContext.Default.BookingResponse)),
        Ok<CancelResponse> ok => new(StatusCodes.Status200OK, null, Json(ok.Value, WebJsonContext.Default.CancelResponse)),
        ProblemHttpResult problem => new(problem.StatusCode, null, Json(problem.ProblemDetails, WebJsonContext.Default.ProblemDetails)),
        _ => throw new ArgumentOutOfRangeException(nameof(result), result.GetType(), "No stored form for this result."),
    };

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

    private static string Json<T>(T? value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        JsonSerializer.Serialize(value!, type);
}
