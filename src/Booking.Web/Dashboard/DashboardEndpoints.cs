using Booking.Web.Api;
using Booking.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Booking.Web.Dashboard;

/// <summary>
/// The operator dashboard at /dashboard: one page, its script and its style sheet, and the read routes the page polls,
/// all behind the operator's basic auth (the browser's own prompt answers the 401's WWW-Authenticate).
/// </summary>
/// <remarks>
/// The page polls every few seconds, which the per-IP limit on /api/events (5 per 15 minutes in Production) would
/// refuse within one refresh. So the page reads through /dashboard/api/events..., the same handlers as the operator's
/// /api/events read routes under a path the limit does not cover: the public API keeps its limit unchanged, and only
/// a client holding the operator's password reads without it. These mirrors stay out of the OpenAPI document.
/// </remarks>
public static class DashboardEndpoints
{
    public const string Path = "/dashboard";
    public const string ApiPath = Path + "/api/events";

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        var dashboard = app.MapGroup(Path).RequireAuthorization(BasicAuthentication.AdminPolicy).ExcludeFromDescription();
        dashboard.MapGet("/", (HttpContext context) => Serve(context, DashboardAsset.Html));
        dashboard.MapGet("/dashboard.js", (HttpContext context) => Serve(context, DashboardAsset.Script));
        dashboard.MapGet("/dashboard.css", (HttpContext context) => Serve(context, DashboardAsset.Styles));

        var reads = app.MapGroup(ApiPath).RequireAuthorization(BasicAuthentication.AdminPolicy).ExcludeFromDescription();
        reads.MapGet("/", SalesApi.ListEvents);
        reads.MapGet("/status/{eventId}", StatusApi.GetStatus);
        reads.MapGet("/{eventId}/bookings", BookingsApi.GetBookings);
        reads.MapGet("/{eventId}/history", HistoryApi.GetHistory);
        return app;
    }

    // The content is fixed per build: revalidate every time (cheap with the ETag) so an upgrade shows at once, and keep
    // the page to its own origin (no inline script, no framing).
    private static FileContentHttpResult Serve(HttpContext context, DashboardAsset asset)
    {
        var headers = context.Response.Headers;
        headers.CacheControl = "no-cache";
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
        return TypedResults.Bytes(asset.Content, asset.ContentType, entityTag: asset.ETag);
    }
}
