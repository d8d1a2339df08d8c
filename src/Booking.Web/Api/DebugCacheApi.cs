using Booking.Core.Processing;
using Booking.Web.Api.OpenApi;
using Booking.Web.Hosting.Settings;
using Booking.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Booking.Web.Api;

/// <summary>
/// What the processors hold in memory. Open in Development; elsewhere mapped only when DebugCache:Enabled is
/// true, and then behind basic auth (it lists user ids).
/// </summary>
public static class DebugCacheApi
{
    public static IEndpointRouteBuilder MapDebugCacheApi(this IEndpointRouteBuilder app, IHostEnvironment environment, IConfiguration configuration)
    {
        if (environment.IsDevelopment())
        {
            app.MapGet("/api/events/debug/cache", GetCache).WithName("GetDebugCache").WithTags("Debug").ProducesCommonProblems();
        }
        // Mapping comes before the section is validated at start-up, which refuses a non-boolean.
        else if (configuration.ReadAtRegistration<DebugCacheOptions>(DebugCacheOptions.Section).Enabled)
        {
            app.MapGet("/api/events/debug/cache", GetCache).WithName("GetDebugCache").WithTags("Debug").RequireAuthorization(BasicAuthentication.AdminPolicy)
                .ProducesCommonProblems().ProducesProblems(Problems.Unauthorized);
        }

        return app;
    }

    /// <summary>Binds and validates DebugCache (<see cref="DebugCacheOptions"/>).</summary>
    public static IServiceCollection AddDebugCacheSettings(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<DebugCacheOptions>(configuration, DebugCacheOptions.Section, _ => null);
        return services;
    }

    public static Ok<DebugCacheResponse> GetCache(BookingProcessors processors)
    {
        var entries = processors.Snapshot()
            .OrderBy(p => p.Id.Value)
            .Select(p => new DebugCacheEntry(
                p.Id.Value, p.State.Name, p.State.TotalTickets, p.State.Available, p.State.BookedCount, p.State.WaitingCount,
                [.. p.State.WaitingInOrder.Take(DebugCacheResponse.MaxWaitingShown).Select(u => u.Value)], p.State.Version, p.QueueLength))
            .ToList();
        return TypedResults.Ok(new DebugCacheResponse(entries.Count, entries));
    }
}

/// <summary>The <c>DebugCache</c> section: whether the debug cache is mapped outside Development.</summary>
public sealed class DebugCacheOptions
{
    public const string Section = "DebugCache";

    public bool Enabled { get; set; }
}
