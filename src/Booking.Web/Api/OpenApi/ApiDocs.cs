using Scalar.AspNetCore;

namespace Booking.Web.Api.OpenApi;

/// <summary>
/// The OpenAPI document at <c>/openapi/v1.json</c>, completed by the transformers beside this file, and the
/// interactive Scalar page at <c>/docs</c> on it. Scalar's script is served by the package itself, so the page
/// needs no network beyond this service.
/// </summary>
public static class ApiDocs
{
    public const string PagePath = "/docs";

    public static IServiceCollection AddApiDocs(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Event booking";
                document.Info.Description = "Ticketed events, bookings and waiting lists. Errors are RFC 9457 problem details whose `type` is stable.";
                return Task.CompletedTask;
            });
            options.AddDocumentTransformer<SecuritySchemes>();
            options.AddOperationTransformer<SecuritySchemes>();
            options.AddOperationTransformer<DeclaredBodies>();
            options.AddOperationTransformer<ParameterSchemas>();
            options.AddOperationTransformer<ProblemResponses>();
            options.AddOperationTransformer<HttpHeaders>();
            options.AddSchemaTransformer<NullableFields>();
        });

    public static IEndpointRouteBuilder MapApiDocs(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi();
        // The fonts would come from Scalar's CDN and telemetry would call out: the page stays on this host.
        app.MapScalarApiReference(PagePath, scalar => scalar.WithTitle("Event booking API").DisableDefaultFonts().DisableTelemetry());
        return app;
    }
}
