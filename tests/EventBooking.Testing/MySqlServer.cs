using MySqlConnector;

namespace EventBooking.Testing;

/// <summary>
/// The one MySQL server of a test run: the connection string in EVENTBOOKING_TEST_MYSQL when it is set, else a
/// throwaway mariadbd started from PATH (<see cref="ThrowawayMariaDb"/>). When neither can be had the tests fail
/// with the reason: they never skip. Tests get their databases through <see cref="TestDatabase"/>.
/// </summary>
internal static class MySqlServer
{
    public const string ConnectionStringVariable = "EVENTBOOKING_TEST_MYSQL";

    private static readonly Lazy<Task<string>> Server = new(StartAsync);

    /// <summary>A connection string to the server, without a database.</summary>
    public static Task<string> ConnectionStringAsync() => Server.Value;

    /// <summary>Creates an empty database with a unique name and returns a connection string to it.</summary>
    public static async Task<string> CreateDatabaseAsync(string prefix)
    {
        var server = await ConnectionStringAsync();
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(64, prefix.Length + 33)];
        await using var connection = new MySqlConnection(server);
        await connection.OpenAsync();
        await using var command = new MySqlCommand($"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;", connection);
        await command.ExecuteNonQueryAsync();
        return new MySqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    private static async Task<string> StartAsync()
    {
        var reasons = new List<string>();
        var configured = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (!string.IsNullOrWhiteSpace(configured))
            return configured;
        reasons.Add($"{ConnectionStringVariable} is not set");

        var local = await ThrowawayMariaDb.TryStartAsync(reasons);
        if (local is not null)
            return local;

        throw new InvalidOperationException(
            "No MySQL server for the tests: " + string.Join("; ", reasons) +
            ". Install MariaDB (apt-get install -y mariadb-server) or set " + ConnectionStringVariable + ".");
    }
}
