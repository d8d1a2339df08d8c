using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Booking.Web.Api.OpenApi;

/// <summary>The type whose JSON shape a route's request body has, for the document only.</summary>
public sealed record JsonBodyMetadata(Type Type);

public static class JsonBodyDeclarations
{
    /// <summary>
    /// Declares the body as <typeparamref name="T"/> in the document. Not <c>Accepts&lt;T&gt;</c>: that makes routing
    /// answer a bare 415 for another media type before the handler can answer its problem (and refuse text/json).
    /// </summary>
    public static RouteHandlerBuilder DescribesBody<T>(this RouteHandlerBuilder builder) => builder.WithMetadata(new JsonBodyMetadata(typeof(T)));
}

/// <summary>Writes each declared body as a required <c>application/json</c> request body referring to its schema component.</summary>
internal sealed class DeclaredBodies : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<JsonBodyMetadata>().LastOrDefault() is not { } body)
            return;

        var document = context.Document!;
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[body.Type.Name] = await context.GetOrCreateSchemaAsync(body.Type, cancellationToken: cancellationToken);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new() { Schema = new OpenApiSchemaReference(body.Type.Name, document) },
            },
        };
    }
}
