using System.Globalization;
using EventBooking.Migrations;
using EventBooking.Testing;
using MySqlConnector;

namespace Operations.Bench;

/// <summary>A fresh database migrated with the real migrations, on a throwaway mariadbd or the server the caller names.</summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    public const string ServerVariable = "EVENTBOOKING_BENCH_MYSQL";

    private BenchDatabase(string connectionString, string serverSource, string version, string bufferPool, int? pid, bool keep)
    {
        Keep = keep;
        ConnectionString = connectionString;
        ServerSource = serverSource;
        Version = version;
        BufferPool = bufferPool;
        ServerPid = pid;
    }

    public string ConnectionString { get; }

    public string Name => new MySqlConnectionStringBuilder(ConnectionString).Database;

    /// <summary>Where the server came from: the environment variable or a throwaway mariadbd.</summary>
    public string ServerSource { get; }

    public string Version { get; }

    public string BufferPool { get; }

    /// <summary>The server's process id when it runs on this machine, so that its CPU time can be read.</summary>
    public int? ServerPid { get; }

    /// <param name="keep">Leave the database on the caller's server at the end (a throwaway server vanishes anyway).</param>
    public static async Task<BenchDatabase> CreateAsync(bool keep)
    {
        var (server, source) = await ServerAsync();
        var connectionString = new MySqlConnectionStringBuilder(server)
        {
            Database = $"opsbench_{Guid.NewGuid():N}"[..30],
            Pooling = true,
            MaximumPoolSize = 100,
        }.ConnectionString;
        SchemaMigrator.MigrateUp(StoreProvider.MySql, connectionString);

        await using var connection = await OpenAsync(connectionString);
        await using var command = new MySqlCommand("SELECT VERSION(), @@innodb_buffer_pool_size, @@pid_file;", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var pidFile = reader.GetString(2);
        var pid = File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), CultureInfo.InvariantCulture, out var p) && File.Exists($"/proc/{p}/stat")
            ? p
            : (int?)null;
        return new BenchDatabase(connectionString, source, reader.GetString(0), $"{reader.GetInt64(1) / (1024 * 1024)} MiB", pid, keep);
    }

    /// <summary>Data plus index size of the events table, in MiB, as InnoDB reports it after ANALYZE TABLE.</summary>
    public async Task<(double Data, double Indexes)> EventsTableSizeAsync()
    {
        await using var connection = await OpenAsync(ConnectionString);
        await using (var analyze = new MySqlCommand("ANALYZE TABLE events;", connection))
            await analyze.ExecuteNonQueryAsync();
        await using var command = new MySqlCommand(
            "SELECT data_length, index_length FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'events';", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0) / (1024.0 * 1024), reader.GetInt64(1) / (1024.0 * 1024));
    }

    public static async Task<MySqlConnection> OpenAsync(string connectionString)
    {
        var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    public bool Keep { get; }

    public async ValueTask DisposeAsync()
    {
        // A throwaway server vanishes with the process; on a server of the caller's, leave no database behind unless asked.
        if (ServerSource == ServerVariable && !Keep)
        {
            await using var connection = await OpenAsync(ConnectionString);
            await using var drop = new MySqlCommand($"DROP DATABASE `{Name}`;", connection);
            await drop.ExecuteNonQueryAsync();
        }

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
}
