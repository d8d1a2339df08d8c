using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Booking.Web.Api;

/// <summary>
/// Reads a request body as a JSON object by hand, so that malformed JSON, wrong types and missing fields all
/// become precise problem details instead of the framework's bare 400.
/// </summary>
internal static class JsonBody
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 16 };

    public static async Task<(JsonElement Root, ProblemHttpResult? Problem)> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType() || !JsonText.IsUtf8Charset(request.ContentType))
            return (default, Problem(StatusCodes.Status415UnsupportedMediaType, Problems.UnsupportedMediaType, "Unsupported media type", "Send the body as application/json in UTF-8."));

        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, Options, cancellationToken);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return (default, Problem(StatusCodes.Status400BadRequest, Problems.MalformedJson, "Malformed JSON", "The body must be a JSON object."));
            if (!JsonText.IsValidUnicode(document.RootElement))
                return (default, Problem(StatusCodes.Status400BadRequest, Problems.MalformedJson, "Malformed JSON",
                    "The body holds text that is not valid UTF-8 or an unpaired surrogate escape such as \\ud800."));
            return (document.RootElement.Clone(), null);
        }
        catch (JsonException e)
        {
            return (default, Problem(StatusCodes.Status400BadRequest, Problems.MalformedJson, "Malformed JSON",
                $"The body is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})."));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // A chunked body that outgrew RequestLimits:MaxBodyBytes; answered here so the request log sees a 413, not a throw.
            return (default, Problem(StatusCodes.Status413PayloadTooLarge, Problems.PayloadTooLarge, "Payload too large", e.Message));
        }
    }

    public static ProblemHttpResult Problem(int status, string type, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, type: type);
}
