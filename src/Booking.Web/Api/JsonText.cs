using System.Text.Json;
using Microsoft.Net.Http.Headers;

namespace Booking.Web.Api;

/// <summary>
/// Checks that <see cref="JsonDocument"/> leaves to the moment a string is read: it parses invalid UTF-8 inside
/// strings and unpaired surrogate escapes without complaint, and only <c>GetString</c> throws. Checked up front,
/// such a body is a 400 instead of an exception in the middle of validation.
/// </summary>
internal static class JsonText
{
    /// <summary>RFC 8259 8.1: JSON between systems is UTF-8; a charset parameter, if any, must say so.</summary>
    public static bool IsUtf8Charset(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType) || !mediaType.Charset.HasValue)
            return true;
        var charset = HeaderUtilities.RemoveQuotes(mediaType.Charset);
        return charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Whether every property name and string value below <paramref name="element"/> reads as .NET text.</summary>
    public static bool IsValidUnicode(JsonElement element)
    {
        try
        {
            return Walk(element);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static bool Walk(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                _ = element.GetString();
                return true;
            case JsonValueKind.Array:
                return element.EnumerateArray().All(Walk);
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    _ = property.Name;
                    if (!Walk(property.Value))
                        return false;
                }

                return true;
            default:
                return true;
        }
    }
}
