using System.Data.Common;
using Booking.Core.Processing;
using Booking.Web.Api;
using Microsoft.AspNetCore.Diagnostics;

namespace Booking.Web.Hosting;

/// <summary>
/// Turns exceptions into problem details: unavailability (full queue, shutdown, database down) is a 503 with
/// Retry-After; a bad request body the framework rejected keeps its 4xx (a body over the size limit is 413
/// payload-too-large); anything else is a 500 without internals.
/// </summary>
internal sealed partial class ExceptionProblems(IProblemDetailsService problems, ILogger<ExceptionProblems> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, type, title, detail, retryAfter) = exception switch
        {
            BookingUnavailableException e => (503, Problems.Unavailable, "Service unavailable", e.Message, e.RetryAfter),
            DbException or TimeoutException => (503, Problems.Unavailable, "Service unavailable", "The database is unavailable; nothing was changed. Try again.", TimeSpan.FromSeconds(5)),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } e =>
                (413, Problems.PayloadTooLarge, "Payload too large", e.Message, (TimeSpan?)null),
            BadHttpRequestException e => (e.StatusCode, Problems.Validation, "Bad request", e.Message, (TimeSpan?)null),
            _ => (500, Problems.Internal, "Internal error", "An unexpected error occurred; it has been logged.", (TimeSpan?)null),
        };

        if (status >= 500)
            LogFailed(exception, context.Request.Method, context.Request.Path);
        if (retryAfter is { } wait)
            RetryAfter.Set(context.Response, wait);
        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Type = type, Title = title, Detail = detail },
        });
    }

    [LoggerMessage(LogLevel.Error, "{Method} {Path} failed")]
    private partial void LogFailed(Exception error, string method, string path);
}
