using System.Text.Json;
using Booking.Web.Api;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Booking.Web.Hosting;

/// <summary>
/// Health endpoints and the readiness gate. /health/live answers 200 while the process runs (no checks);
/// /health/ready answers 200 only once the schema is migrated and the store answers a cheap query within two
/// seconds, else 503. Until migrated, API routes answer 503 problem details with Retry-After.
/// </summary>
public static class StoreHealth
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    private const string ReadyTag = "ready";
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan NotReadyRetryAfter = TimeSpan.FromSeconds(5);

    public static IServiceCollection AddStoreHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store", HealthStatus.Unhealthy, [ReadyTag], CheckTimeout);
        return services;
    }

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync });
        return app;
    }

    /// <summary>Answers API requests 503 (problem details, Retry-After) until the schema is migrated.</summary>
    public static IApplicationBuilder UseStoreReadiness(this IApplicationBuilder app)
    {
        var readiness = app.ApplicationServices.GetRequiredService<StoreReadiness>();
        return app.Use(async (context, next) =>
        {
            if (readiness.IsMigrated || !context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            {
                await next(context);
                return;
            }

            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            RetryAfter.Set(context.Response, NotReadyRetryAfter);
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status503ServiceUnavailable, Type = Problems.Unavailable, Title = "Service unavailable",
                    Detail = "The database is not ready yet (unreachable, or its migrations are pending); nothing was changed. Try again.",
                },
            });
        });
    }

    // {"status":"Unhealthy","checks":{"store":"The database cannot be reached."}}: the check's own words, never an exception's.
    private static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteString("status", report.Status.ToString());
        json.WriteStartObject("checks");
        foreach (var (name, entry) in report.Entries)
            json.WriteString(name, entry.Description ?? entry.Status.ToString());
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
