using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Booking.Web.Webhooks;

/// <summary>
/// Standard Webhooks signing (standardwebhooks.com): <c>v1,</c> and the base64 HMAC-SHA256 of
/// <c>"{webhook-id}.{webhook-timestamp}.{body}"</c>, keyed with the base64 part of the <c>whsec_</c> secret.
/// </summary>
public static class WebhookSignature
{
    public const string Prefix = "whsec_";

    /// <summary>A new secret: 32 bytes from the operating system's CSPRNG.</summary>
    public static string NewSecret() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The <c>webhook-signature</c> header value for one attempt.</summary>
    public static string Sign(string secret, string id, long timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (!secret.StartsWith(Prefix, StringComparison.Ordinal))
            throw new ArgumentException($"A webhook secret starts with {Prefix}.", nameof(secret));
        var key = Convert.FromBase64String(secret[Prefix.Length..]);
        var signed = Encoding.UTF8.GetBytes($"{id}.{timestamp.ToString(CultureInfo.InvariantCulture)}.");
        var content = new byte[signed.Length + body.Length];
        signed.CopyTo(content, 0);
        body.CopyTo(content.AsSpan(signed.Length));
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, content));
    }
}
