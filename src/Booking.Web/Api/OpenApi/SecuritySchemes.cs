using Booking.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Booking.Web.Api.OpenApi;

/// <summary>
/// The document's security schemes and each operation's requirement, read from the route's authorization policy:
/// <c>basic</c> for the operator's routes, <c>bearer</c> (a JWT) for book and cancel when Auth:Users:Mode=Jwt.
/// </summary>
internal sealed class SecuritySchemes(IOptions<UserAuthOptions> users) : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string Basic = "basic";
    public const string Bearer = "bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Basic] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "basic",
            Description = "The operator's credentials (Auth:Username, Auth:Password).",
        };
        if (users.Value.Mode == UserAuthMode.Jwt)
        {
            document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "A token whose `sub` is the body's userId, from the issuer of Auth:Users.",
            };
        }

        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var policies = context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Select(a => a.Policy);
        foreach (var scheme in policies.Select(SchemeOf).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme, context.Document)] = [] });
        }

        return Task.CompletedTask;
    }

    private static string? SchemeOf(string? policy) => policy switch
    {
        BasicAuthentication.AdminPolicy => Basic,
        UserAuthentication.UserPolicy => Bearer,
        _ => null,
    };
}
