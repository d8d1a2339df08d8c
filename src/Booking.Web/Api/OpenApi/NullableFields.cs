using System.Reflection;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Booking.Web.Api.OpenApi;

/// <summary>
/// Responses leave out null fields (WhenWritingNull), so a nullable field is not required unless its property says
/// it is always written (<c>[JsonIgnore(Condition = Never)]</c>, as the paging <c>next</c> fields are).
/// </summary>
internal sealed class NullableFields : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Required is not { Count: > 0 } required || schema.Properties is null)
            return Task.CompletedTask;

        foreach (var property in context.JsonTypeInfo.Properties)
        {
            if (schema.Properties.TryGetValue(property.Name, out var field) && IsNullable(field) && !AlwaysWritten(property.AttributeProvider))
                required.Remove(property.Name);
        }

        return Task.CompletedTask;
    }

    private static bool IsNullable(IOpenApiSchema field) =>
        field.Type?.HasFlag(JsonSchemaType.Null) == true || field.OneOf?.Any(s => s.Type == JsonSchemaType.Null) == true;

    private static bool AlwaysWritten(ICustomAttributeProvider? member) =>
        member?.GetCustomAttributes(typeof(JsonIgnoreAttribute), inherit: true).OfType<JsonIgnoreAttribute>().Any(a => a.Condition == JsonIgnoreCondition.Never) == true;
}
