using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Booking.Web.Api;

/// <summary>Collects per-field validation errors and reads typed values out of a JSON object.</summary>
internal sealed class FieldErrors
{
    /// <summary>Largest integer a JavaScript client can hold exactly (2^53 - 1).</summary>
    public const long MaxSafeInteger = 9_007_199_254_740_991;

    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    /// <summary>The collected errors as one RFC 9457 validation problem (400, stable type).</summary>
    public ProblemHttpResult ToProblem(string detail) =>
        TypedResults.Problem(new HttpValidationProblemDetails(ToDictionary())
        {
            Status = StatusCodes.Status400BadRequest,
            Type = Problems.Validation,
            Title = "Invalid request",
            Detail = detail,
        });

    public IDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
            _errors[field] = messages = [];
        // A body repeating one unknown field thousands of times gets one message for it, not thousands.
        if (!messages.Contains(message, StringComparer.Ordinal))
            messages.Add(message);
    }

    public long? Integer(JsonElement body, string field, long min, long max)
    {
        if (!body.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
            return Fail<long>(field, "is required (an integer).");
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number))
            return Fail<long>(field, $"must be a whole number from {min} to {max.ToString("N0", CultureInfo.InvariantCulture)}.");
        if (number < min || number > max)
            return Fail<long>(field, $"must be from {min} to {max.ToString("N0", CultureInfo.InvariantCulture)}.");
        return number;
    }

    public string? Text(JsonElement body, string field, int maxLength)
    {
        if (!body.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
            return FailText(field, "is required (a string).");
        if (value.ValueKind != JsonValueKind.String)
            return FailText(field, "must be a string.");
        var text = value.GetString()!.Trim();
        if (text.Length == 0)
            return FailText(field, "must not be blank.");
        if (text.Length > maxLength)
            return FailText(field, $"must be at most {maxLength} characters.");
        if (text.Any(char.IsControl))
            return FailText(field, "must not contain control characters.");
        return text;
    }

    private T? Fail<T>(string field, string message)
        where T : struct
    {
        Add(field, message);
        return null;
    }

    private string? FailText(string field, string message)
    {
        Add(field, message);
        return null;
    }
}
