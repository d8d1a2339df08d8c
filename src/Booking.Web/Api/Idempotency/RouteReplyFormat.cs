using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Booking.Core.Idempotency;
using Booking.Core.Processing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Booking.Web.Api.Idempotency;

/// <summary>
/// A route's answer to a command's result, as it is stored for the key: the typed result the route would send, written
/// the way the service writes JSON (problems without a trace id).
/// </summary>
internal sealed class RouteReplyFormat<TSuccess>(Func<CommandResult, Results<TSuccess, ProblemHttpResult, StoredReply>> answer) : IReplyFormat
    where TSuccess : IResult
{
    public IdempotentReply Format(CommandResult result) => answer(result).Result switch
    {
        Created<InitializeResponse> created => new(StatusCodes.Status201Created, created.Location, Json(created.Value, WebJsonContext.Default.InitializeResponse)),
        Created<BookingResponse> created => new(StatusCodes.Status201Created, created.Location, Json(created.Value, WebJsonContext.Default.BookingResponse)),
        Ok<CancelResponse> ok => new(StatusCodes.Status200OK, null, Json(ok.Value, WebJsonContext.Default.CancelResponse)),
        ProblemHttpResult problem => new(problem.StatusCode, null, Json(problem.ProblemDetails, WebJsonContext.Default.ProblemDetails)),
        var other => throw new ArgumentOutOfRangeException(nameof(result), other.GetType(), "No stored form for this result."),
    };

    private static string Json<T>(T? value, JsonTypeInfo<T> type) => JsonSerializer.Serialize(value!, type);
}
