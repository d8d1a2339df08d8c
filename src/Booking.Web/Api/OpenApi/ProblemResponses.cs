using System.Globalization;
using System.Text.Json.Nodes;
using Booking.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Booking.Web.Api.OpenApi;

/// <summary>
/// Gives each problem response of an operation the types it may carry: listed in its description and, for tools,
/// in <c>x-problem-types</c>. A route requiring the user's bearer token (Auth:Users:Mode=Jwt) also answers 401
/// and 403; that is known only from its authorization, so those responses are added here.
/// </summary>
internal sealed class ProblemResponses : IOpenApiOperationTransformer
{
    public const string Extension = "x-problem-types";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var types = ProblemDeclarations.DeclaredOn(metadata).ToList();
        if (metadata.OfType<IAuthorizeData>().Any(a => a.Policy == UserAuthentication.UserPolicy))
            types.AddRange([Problems.Unauthorized, Problems.Forbidden]);

        operation.Responses ??= [];
        foreach (var byStatus in types.Distinct(StringComparer.Ordinal).GroupBy(ProblemCatalog.StatusOf))
        {
            var key = byStatus.Key.ToString(CultureInfo.InvariantCulture);
            if (!operation.Responses.TryGetValue(key, out var found) || found is not OpenApiResponse response)
                operation.Responses[key] = response = NewProblemResponse(context.Document);
            var listed = byStatus.Select(t => $"`{t}` ({ProblemCatalog.Types[t].Title})");
            response.Description = $"Problem details (RFC 9457) with `type` one of: {string.Join(", ", listed)}.";
            response.Extensions ??= new Dictionary<string, IOpenApiExtension>();
            response.Extensions[Extension] = new JsonNodeExtension(new JsonArray([.. byStatus.Select(t => JsonValue.Create(t))]));
        }

        return Task.CompletedTask;
    }

    private static OpenApiResponse NewProblemResponse(OpenApiDocument? document) => new()
    {
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(nameof(ProblemDetails), document) },
        },
    };
}
