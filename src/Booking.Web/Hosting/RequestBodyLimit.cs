using System.Globalization;
using Booking.Web.Api;
using Microsoft.AspNetCore.Http.Features;

namespace Booking.Web.Hosting;

/// <summary>
/// Caps every request body at RequestLimits:MaxBodyBytes (16 KiB by default: the largest valid body is a few hundred
/// bytes). A declared Content-Length over the cap is refused before anything is read; a body without one (chunked)
/// is cut off as it is read. Both answer 413 problem details, and nothing is parsed or stored.
/// </summary>
public static class RequestBodyLimit
{
    public const long DefaultMaxBytes = 16 * 1024;

    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app, IConfiguration configuration)
    {
        var limit = configuration.GetValue("RequestLimits:MaxBodyBytes", DefaultMaxBytes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit, "RequestLimits:MaxBodyBytes");
        return app.Use(async (context, next) =>
        {
            if (context.Request.ContentLength > limit)
            {
                await WriteTooLargeAsync(context, limit);
                return;
            }

            // Kestrel enforces the feature itself; other servers (TestServer) get the counting stream below.
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
                feature.MaxRequestBodySize = limit;
            if (context.Request.ContentLength is null)
                context.Request.Body = new LimitedReadStream(context.Request.Body, limit);
            await next(context);
        });
    }

    /// <summary>The problem answered for a body over the limit, whichever way it was detected.</summary>
    public static string Detail(long limit) =>
        $"The request body is larger than {limit.ToString("N0", CultureInfo.InvariantCulture)} bytes; nothing was read or changed.";

    private static Task WriteTooLargeAsync(HttpContext context, long limit)
    {
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = 413, Type = Problems.PayloadTooLarge, Title = "Payload too large", Detail = Detail(limit) },
        }).AsTask();
    }
}
