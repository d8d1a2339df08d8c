using System.Globalization;
using System.Text.Json.Nodes;
using Booking.Web.Api.Idempotency;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Booking.Web.Api.OpenApi;

/// <summary>
/// Route and query values are bound as strings (the handlers check them to answer a 400 naming the field, not a
/// bare 404), so the framework can only call them strings. This says what the handlers accept.
/// </summary>
internal sealed class ParameterSchemas : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            var (schema, description) = Describe(parameter.Name, operation.OperationId);
            if (schema is not null)
                parameter.Schema = schema;
            if (description is not null)
                parameter.Description = description;
        }

        return Task.CompletedTask;
    }

    private static (OpenApiSchema? Schema, string? Description) Describe(string? name, string? operationId) => (name, operationId) switch
    {
        (RouteEventId.Field, _) => (Id(), "A ticketed event id, as returned by initialize."),
        ("limit", "GetHistory") => (Limit(HistoryApi.DefaultLimit, HistoryApi.MaxLimit), "The most events one page holds."),
        ("limit", _) => (Limit(SalesApi.DefaultLimit, SalesApi.MaxLimit), "The most entries one page holds."),
        ("fromVersion", _) => (Id(), "The first stream version to return (1 by default); a page's nextFromVersion gives the next."),
        ("after", "ListEvents") => (Id(), "The next value of the previous page: events older than this id."),
        ("after", _) => (Text(), "The next value of the previous page, such as booked-17 or waiting-42 (with the same status filter)."),
        ("status", "GetBookings") => (Enum("booked", "waiting"), "Only seat holders or only the waiting list; both when absent."),
        ("asOf", _) => (Text(), "A stream version (1 or more) or an ISO-8601 time with Z or an offset (send '+' as %2B): the status as it was then."),
        (IdempotencyKeyHeader.Name, _) => (IdempotencyKey(), "1 to 255 visible ASCII characters, bare or as a quoted string. A retry with the same key "
            + "and body gets the first answer again (marked Idempotency-Replayed: true) without doing anything twice."),
        _ => (null, null),
    };

    internal static OpenApiSchema Id() => new()
    {
        Type = JsonSchemaType.Integer,
        Format = "int64",
        Minimum = "1",
        Maximum = FieldErrors.MaxSafeInteger.ToString(CultureInfo.InvariantCulture),
    };

    private static OpenApiSchema Limit(int fallback, int max) => new()
    {
        Type = JsonSchemaType.Integer,
        Format = "int32",
        Minimum = "1",
        Maximum = max.ToString(CultureInfo.InvariantCulture),
        Default = JsonValue.Create(fallback),
    };

    private static OpenApiSchema Text() => new() { Type = JsonSchemaType.String };

    private static OpenApiSchema Enum(params string[] values) => new() { Type = JsonSchemaType.String, Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v))] };

    // Two characters more than the key for the double quotes of the structured-field form.
    private static OpenApiSchema IdempotencyKey() => new() { Type = JsonSchemaType.String, MinLength = 1, MaxLength = IdempotencyKeyHeader.MaxLength + 2 };
}
