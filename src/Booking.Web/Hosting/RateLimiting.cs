using System.Threading.RateLimiting;
using Booking.Web.Api;
using Booking.Web.Hosting.Settings;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Booking.Web.Hosting;

/// <summary>
/// Per-client-IP fixed-window limits (the seed's 5 requests per 15 minutes by default) on the configured routes.
/// Configuration: RateLimiting:Enabled, :PermitLimit, :Window (hh:mm:ss), :Routes (path prefixes).
/// </summary>
public static class RateLimiting
{
    public static IServiceCollection AddPerIpRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<RateLimitOptions>(configuration, RateLimitOptions.Section, o => o.Problem());
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((options, configured) =>
        {
            var limits = configured.Value;
            var routes = limits.Routes is { Length: > 0 } listed ? listed : RateLimitOptions.DefaultRoutes;
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                limits.Enabled && routes.Any(route => context.Request.Path.StartsWithSegments(route, StringComparison.OrdinalIgnoreCase))
                    ? RateLimitPartition.GetFixedWindowLimiter(ClientAddress(context), _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = limits.PermitLimit,
                        Window = limits.Window,
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
        RetryAfter.Set(context.Response, retryAfter);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = 429, Type = Problems.RateLimited, Title = "Too many requests", Detail = "This client sent too many requests; retry after the time in Retry-After." },
        });
    }
}
