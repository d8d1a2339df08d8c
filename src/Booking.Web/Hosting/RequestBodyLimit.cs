using System.Globalization;
using Booking.Web.Api;
using Booking.Web.Hosting.Settings;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Booking.Web.Hosting;

/// <summary>
/// Caps every request body at RequestLimits:MaxBodyBytes (16 KiB by default: the largest valid body is a few hundred
/// bytes). A declared Content-Length over the cap is refused before anything is read; a body without one (chunked)
/// is cut off by Kestrel as it is read (see <see cref="Api.JsonBody"/>). Both answer 413 problem details, and
/// nothing is parsed or stored.
/// </summary>
public static class RequestBodyLimit
{
    public const long DefaultMaxBytes = 16 * 1024;

    /// <summary>Binds and validates RequestLimits (<see cref="RequestLimitOptions"/>).</summary>
    public static IServiceCollection AddRequestBodyLimit(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<RequestLimitOptions>(configuration, RequestLimitOptions.Section, o => o.Problem());
        return services;
    }

    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app)
    {
        // Read at the first request: the section is validated when the host starts, after this pipeline is declared.
        var options = app.ApplicationServices.GetRequiredService<IOptions<RequestLimitOptions>>();
        return app.Use(async (context, next) =>
        {
            var limit = options.Value.MaxBodyBytes;
            if (context.Request.ContentLength > limit)
            {
                await WriteTooLargeAsync(context, limit);
                return;
            }

            // Kestrel counts a body without Content-Length (chunked) as it is read and throws a 413 past the limit.
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
                feature.MaxRequestBodySize = limit;
            await next(context);
        });
    }

    private static Task WriteTooLargeAsync(HttpContext context, long limit)
    {
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        var detail = $"The request body is larger than {limit.ToString("N0", CultureInfo.InvariantCulture)} bytes; nothing was read or changed.";
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = 413, Type = Problems.PayloadTooLarge, Title = "Payload too large", Detail = detail },
        }).AsTask();
    }
}
