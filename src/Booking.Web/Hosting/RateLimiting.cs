using System.Globalization;
using System.Threading.RateLimiting;
using Booking.Web.Api;
using Microsoft.AspNetCore.RateLimiting;

namespace Booking.Web.Hosting;

/// <summary>
/// Per-client-IP fixed-window limits (the seed's 5 requests per 15 minutes by default) on the configured routes.
/// Configuration: RateLimiting:Enabled, :PermitLimit, :Window (hh:mm:ss), :Routes (path prefixes).
/// </summary>
public static class RateLimiting
{
    public static IServiceCollection AddPerIpRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("RateLimiting");
        var enabled = section.GetValue("Enabled", true);
        var permits = section.GetValue("PermitLimit", 5);
        var window = section.GetValue("Window", TimeSpan.FromMinutes(15));
        var routes = section.GetSection("Routes").Get<string[]>() is { Length: > 0 } configured ? configured : ["/api/events"];

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                enabled && routes.Any(route => context.Request.Path.StartsWithSegments(route, StringComparison.OrdinalIgnoreCase))
                    ? RateLimitPartition.GetFixedWindowLimiter(ClientAddress(context), _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = permits,
                        Window = window,
                        QueueLimit = 0,
                    })
                    : RateLimitPartition.GetNoLimiter(string.Empty));
            options.OnRejected = OnRejectedAsync;
        });
        return services;
    }

    // The connection's address; it reflects X-Forwarded-For only when ForwardedHeaders:KnownProxies trusts the sender.
    private static string ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static async ValueTask OnRejectedAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(60);
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = 429, Type = Problems.RateLimited, Title = "Too many requests", Detail = "This client sent too many requests; retry after the time in Retry-After." },
        });
    }
}
