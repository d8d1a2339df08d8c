using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Booking.Web.Api.Idempotency;

/// <summary>
/// The Idempotency-Key request header (draft-ietf-httpapi-idempotency-key-header): a String structured field
/// (<c>"…"</c>) or, as most clients send it, the bare text (then without double quotes or backslashes). Either way
/// the key is 1 to 255 visible ASCII characters: no spaces, no control characters.
/// </summary>
internal static class IdempotencyKeyHeader
{
    public const string Name = "Idempotency-Key";
    public const int MaxLength = 255;

    /// <summary>
    /// The key and the request's fingerprint (SHA-256 of <paramref name="route"/> and the body's bytes), null when the
    /// header is absent, or a 400 problem when it is malformed. The body stays readable afterwards.
    /// </summary>
    public static async Task<(IdempotencyKey? Key, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, string route, CancellationToken cancellationToken)
    {
        // Present but empty is a malformed key, not an absent one.
        if (!request.Headers.TryGetValue(Name, out var values))
            return (null, null);
        if (values.Count > 1)
            return (null, Invalid("Send one Idempotency-Key header, not several."));
        if (Parse(values.Count == 0 ? string.Empty : values[0] ?? string.Empty) is not { } key)
            return (null, Invalid($"An Idempotency-Key is 1 to {MaxLength} visible ASCII characters (no spaces or control characters), optionally in double quotes."));

        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(route + "\n"));
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
            hash.AppendData(buffer, 0, read);
        request.Body.Position = 0;
        return (new IdempotencyKey(key, "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset())), null);
    }

    /// <summary>The key inside <paramref name="value"/>, or null if it is not a valid key.</summary>
    public static string? Parse(string value)
    {
        var quoted = value.Length >= 2 && value[0] == '"' && value[^1] == '"';
        // Outside quotes a double quote or backslash is a broken String field, not part of a key.
        var key = quoted ? Unquote(value[1..^1]) : value.AsSpan().ContainsAny('"', '\\') ? null : value;
        return key is { Length: > 0 and <= MaxLength } && key.All(c => c is >= '!' and <= '~') ? key : null;
    }

    // RFC 8941 sf-string: a backslash escapes only a double quote or a backslash; a bare quote cannot appear inside.
    private static string? Unquote(string inner)
    {
        var text = new StringBuilder(inner.Length);
        for (var i = 0; i < inner.Length; i++)
        {
            var c = inner[i];
            if (c == '"')
                return null;
            if (c == '\\')
            {
                if (++i == inner.Length || inner[i] is not ('"' or '\\'))
                    return null;
                c = inner[i];
            }

            text.Append(c);
        }

        return text.ToString();
    }

    private static ProblemHttpResult Invalid(string detail) =>
        JsonBody.Problem(StatusCodes.Status400BadRequest, Problems.IdempotencyKeyInvalid, "Invalid idempotency key", detail);
}

/// <summary>A valid key and the fingerprint of the request that carried it.</summary>
internal sealed record IdempotencyKey(string Key, string Fingerprint);
