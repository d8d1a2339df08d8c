namespace EventBooking.Testing;

/// <summary>
/// The shared fallback server of a test run: a <see cref="MariaDbServer"/> installed and started in about a
/// second, listening on loopback only, killed (and its directory deleted) when the test process exits.
/// </summary>
public static class ThrowawayMariaDb
{
    /// <summary>Starts a server and returns a root connection string without a database, or null with the reason.</summary>
    public static async Task<string?> TryStartAsync(List<string> reasons)
    {
        var server = await MariaDbServer.TryInstallAsync(reasons, bufferPoolSize: "512M");
        if (server is null)
            return null;

        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(10));
        return await server.TryStartAsync(reasons) ? server.ConnectionString : null;
    }
}
