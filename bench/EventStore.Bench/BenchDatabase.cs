using EventBooking.Migrations;
using EventBooking.Testing;
using MySqlConnector;

namespace EventStore.Bench;

/// <summary>
/// A fresh database migrated with the real migrations, plus <c>raw_events</c> / <c>raw_streams</c>: copies of the
/// store's tables (same columns, keys and collations) that the raw INSERT baseline and the diagnostic ladder write to.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    public const string ServerVariable = "EVENTBOOKING_BENCH_MYSQL";

    private BenchDatabase(string connectionString, string serverSource, ServerFacts facts)
    {
        ConnectionString = connectionString;
        ServerSource = serverSource;
        Facts = facts;
    }

    public string ConnectionString { get; }

    public string Name => new MySqlConnectionStringBuilder(ConnectionString).Database;

    /// <summary>Where the server came from: the environment variable or a throwaway mariadbd.</summary>
    public string ServerSource { get; }

    public ServerFacts Facts { get; }

    public static async Task<BenchDatabase> CreateAsync()
    {
        var (server, source) = await ServerAsync();
        var connectionString = new MySqlConnectionStringBuilder(server)
        {
            Database = $"bench_{Guid.NewGuid():N}"[..30],
            Pooling = true,
            MaximumPoolSize = 200,
        }.ConnectionString;
        SchemaMigrator.MigrateUp(StoreProvider.MySql, connectionString);
        await ExecuteAsync(connectionString, "CREATE TABLE raw_events LIKE events; CREATE TABLE raw_streams LIKE streams;");
        var facts = await ServerFacts.ReadAsync(connectionString);
        return new BenchDatabase(connectionString, source, facts);
    }

    /// <summary>Empties every table, so each scenario starts from the same state whatever ran before it.</summary>
    public Task ResetAsync() =>
        ExecuteAsync(ConnectionString, "TRUNCATE TABLE events; TRUNCATE TABLE streams; TRUNCATE TABLE raw_events; TRUNCATE TABLE raw_streams;");

    public async ValueTask DisposeAsync()
    {
        // A throwaway server vanishes with the process; on a server of the caller's, leave no database behind.
        if (ServerSource == ServerVariable)
            await ExecuteAsync(ConnectionString, $"DROP DATABASE `{Name}`;");
        MySqlConnection.ClearAllPools();
    }

    private static async Task<(string Server, string Source)> ServerAsync()
    {
        var configured = Environment.GetEnvironmentVariable(ServerVariable);
        if (!string.IsNullOrWhiteSpace(configured))
            return (configured, ServerVariable);

        var reasons = new List<string>();
        var local = await ThrowawayMariaDb.TryStartAsync(reasons);
        return local is not null
            ? (local, "throwaway mariadbd")
            : throw new InvalidOperationException($"No MySQL server: {string.Join("; ", reasons)}. Install mariadb-server or set {ServerVariable}.");
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
