using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Booking.Web.Api;

/// <summary>Query-string values checked like body fields: every error collected, reported as one validation problem.</summary>
internal static class QueryValidation
{
    /// <summary>
    /// <paramref name="text"/> as a whole number in [<paramref name="min"/>, <paramref name="max"/>], or
    /// <paramref name="fallback"/> when the parameter is absent. Digits only: no sign, spaces, decimals or exponents.
    /// </summary>
    public static long? QueryInteger(this FieldErrors errors, string field, string? text, long fallback, long min, long max)
    {
        if (text is null)
            return fallback;
        var range = $"from {min.ToString("N0", CultureInfo.InvariantCulture)} to {max.ToString("N0", CultureInfo.InvariantCulture)}";
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            errors.Add(field, $"must be a whole number {range}.");
            return null;
        }

        if (number < min || number > max)
        {
            errors.Add(field, $"must be {range}.");
            return null;
        }

        return number;
    }

    public static ProblemHttpResult AsProblem(this FieldErrors errors) => errors.ToProblem("One or more query parameters are invalid.");
}
