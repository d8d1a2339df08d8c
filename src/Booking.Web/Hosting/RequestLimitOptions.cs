namespace Booking.Web.Hosting;

/// <summary>The <c>RequestLimits</c> section.</summary>
public sealed class RequestLimitOptions
{
    public const string Section = "RequestLimits";

    public long MaxBodyBytes { get; set; } = RequestBodyLimit.DefaultMaxBytes;

    public string? Problem() =>
        MaxBodyBytes < 1 ? $"{Section}:MaxBodyBytes must be a whole number of bytes of at least 1 (default {RequestBodyLimit.DefaultMaxBytes}), not {MaxBodyBytes}." : null;
}
