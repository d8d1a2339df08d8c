using System.Globalization;

namespace Booking.Web.Hosting;

/// <summary>The Retry-After header, in one format everywhere: whole seconds (delay-seconds, RFC 9110), rounded up, at least 1.</summary>
public static class RetryAfter
{
    public static void Set(HttpResponse response, TimeSpan wait)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
    }
}
