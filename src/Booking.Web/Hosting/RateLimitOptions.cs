namespace Booking.Web.Hosting;

/// <summary>The <c>RateLimiting</c> section: a fixed window per client IP on the listed path prefixes.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimiting";

    public static readonly string[] DefaultRoutes = ["/api/events"];

    public bool Enabled { get; set; } = true;

    /// <summary>Requests one client may send per window (the seed's 5).</summary>
    public int PermitLimit { get; set; } = 5;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Path prefixes the limit applies to; empty means <see cref="DefaultRoutes"/>.</summary>
    public string[] Routes { get; set; } = [];

    // A limiter with no permits or no window throws on every request (a 500), so both are refused at start-up.
    public string? Problem() =>
        PermitLimit < 1 ? $"{Section}:PermitLimit must be a whole number of at least 1 (requests per window), not {PermitLimit}; to switch the limit off set {Section}:Enabled=false."
        : Window <= TimeSpan.Zero ? $"{Section}:Window must be a duration above zero as hh:mm:ss, e.g. 00:15:00, not {Window}."
        : Routes.FirstOrDefault(r => !r.StartsWith('/')) is { } route ? $"{Section}:Routes must hold path prefixes starting with '/', not '{route}'."
        : null;
}
