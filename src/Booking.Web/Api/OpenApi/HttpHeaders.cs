using Booking.Web.Api.Idempotency;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;

namespace Booking.Web.Api.OpenApi;

/// <summary>
/// The headers handlers read or write by hand: the status route's ETag and If-None-Match (and its 304), the
/// Location of what was created, Idempotency-Replayed on a replayed answer, Retry-After on 503, 429 and 409.
/// </summary>
internal sealed class HttpHeaders : IOpenApiOperationTransformer
{
    private static readonly OpenApiSchema Text = new() { Type = JsonSchemaType.String };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.Responses ??= [];
        if (operation.OperationId == "GetStatus")
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = HeaderNames.IfNoneMatch,
                In = ParameterLocation.Header,
                Schema = Text,
                Description = "The ETag of an earlier answer: 304 without a body while the status is unchanged.",
            });
            Header(operation, "200", HeaderNames.ETag, "The stream version the status reflects, quoted (\"7\").");
            operation.Responses["304"] = new OpenApiResponse { Description = "Not modified: the status is still the one of the If-None-Match ETag." };
            Header(operation, "304", HeaderNames.ETag, "The stream version the status reflects, quoted.");
        }

        var idempotent = operation.Parameters?.Any(p => p.Name == IdempotencyKeyHeader.Name) == true;
        foreach (var (status, _) in operation.Responses.Where(r => r.Key.StartsWith('2')).ToList())
        {
            if (status == "201")
                Header(operation, status, HeaderNames.Location, "The status route of the ticketed event.");
            if (idempotent)
                Header(operation, status, StoredReply.ReplayedHeader, "\"true\" when this is the stored answer to an earlier request with the same Idempotency-Key.");
        }

        string[] retried = idempotent ? ["409", "429", "503"] : ["429", "503"];
        foreach (var status in retried.Where(operation.Responses.ContainsKey))
            Header(operation, status, HeaderNames.RetryAfter, "Seconds to wait before retrying (on 409 only with idempotency-key-in-flight).");
        return Task.CompletedTask;
    }

    private static void Header(OpenApiOperation operation, string status, string name, string description)
    {
        if (operation.Responses?[status] is not OpenApiResponse response)
            return;
        response.Headers ??= new Dictionary<string, IOpenApiHeader>();
        response.Headers[name] = new OpenApiHeader { Description = description, Schema = Text };
    }
}
