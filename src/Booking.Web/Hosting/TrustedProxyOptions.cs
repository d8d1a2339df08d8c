using System.Net;

namespace Booking.Web.Hosting;

/// <summary>The <c>ForwardedHeaders</c> section.</summary>
public sealed class TrustedProxyOptions
{
    public const string Section = "ForwardedHeaders";

    /// <summary>IP addresses of the proxies whose X-Forwarded-For is believed.</summary>
    public string[] KnownProxies { get; set; } = [];

    public string? Problem() => KnownProxies.FirstOrDefault(p => !IPAddress.TryParse(p, out _)) is { } bad
        ? $"{Section}:KnownProxies must list IP addresses (e.g. 10.0.0.5 or ::1), not '{bad}'."
        : null;
}
