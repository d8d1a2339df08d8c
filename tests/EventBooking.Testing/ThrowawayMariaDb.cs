using EventBooking.Testing.Processes;

namespace EventBooking.Testing;

/// <summary>
/// The test run's private mariadbd (see <see cref="MariaDbProcess"/>): installed and started in about a second,
/// listening on loopback only, kept for the whole run and killed when the test process exits.
/// </summary>
public static class ThrowawayMariaDb
{
    /// <summary>Starts a server and returns a root connection string without a database, or null with the reason.</summary>
    public static async Task<string?> TryStartAsync(List<string> reasons)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        try
        {
            // Never disposed: it lives as long as the test process, whose exit kills it.
            var server = await MariaDbProcess.StartAsync();
            return server.ConnectionString;
        }
        catch (InvalidOperationException e)
        {
            reasons.Add(e.Message);
            return null;
        }
    }
}
