namespace Booking.Web.Hosting;

/// <summary>
/// Where the service listens, from keys at the top of the configuration: the seed's PORT (default 3000), unless URLs
/// are configured (<c>urls</c>: <c>--urls</c> or <c>ASPNETCORE_URLS</c>).
/// </summary>
public sealed class ListeningOptions
{
    public const int DefaultPort = 3000;

    public int Port { get; set; } = DefaultPort;

    /// <summary>The host's own URL setting (<c>--urls</c>, or <c>ASPNETCORE_URLS</c> read as a host variable).</summary>
    public string? Urls { get; set; }

    /// <summary><c>ASPNETCORE_URLS</c> as an application variable (the host reads it as <see cref="Urls"/> as well).</summary>
    [ConfigurationKeyName("ASPNETCORE_URLS")]
    public string? AspNetCoreUrls { get; set; }

    /// <summary>True when the host is told its URLs otherwise, so PORT is not used.</summary>
    public bool HasUrls => !string.IsNullOrEmpty(Urls) || !string.IsNullOrEmpty(AspNetCoreUrls);

    public string? Problem() => Port is < 0 or > 65535 ? $"PORT must be a port number from 0 to 65535, not {Port}." : null;
}
