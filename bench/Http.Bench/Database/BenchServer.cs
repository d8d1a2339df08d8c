using System.Globalization;
using EventBooking.Testing;
using MySqlConnector;

namespace Http.Bench.Database;

/// <summary>
/// The MySQL server the service runs on: a throwaway mariadbd (or the server named in EVENTBOOKING_BENCH_MYSQL), with
/// one fresh database per scenario so that every audit reads only what that scenario wrote.
/// </summary>
internal sealed class BenchServer
{
    public const string ServerVariable = "EVENTBOOKING_BENCH_MYSQL";

    private readonly string _root;

    private BenchServer(string root, string source, string version, string durability, int? pid)
    {
        _root = root;
        Source = source;
        Version = version;
        Durability = durability;
        Pid = pid;
    }

    public string Source { get; }

    public string Version { get; }

    /// <summary>The settings that decide what a commit costs.</summary>
    public string Durability { get; }

    /// <summary>mariadbd's process id when it runs on this machine, for its CPU time.</summary>
    public int? Pid { get; }

    public static async Task<BenchServer> StartAsync()
    {
        var configured = Environment.GetEnvironmentVariable(ServerVariable);
        string root, source;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            (root, source) = (configured, ServerVariable);
        }
        else
        {
            var reasons = new List<string>();
            root = await ThrowawayMariaDb.TryStartAsync(reasons)
                ?? throw new InvalidOperationException($"No MySQL server: {string.Join("; ", reasons)}. Install mariadb-server or set {ServerVariable}.");
            source = "throwaway mariadbd";
        }

        await using var connection = await OpenAsync(root);
        await using var command = new MySqlCommand(
            "SELECT VERSION(), @@innodb_flush_log_at_trx_commit, @@log_bin, @@innodb_buffer_pool_size, @@max_connections, @@pid_file;", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        string Text(int i) => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture) ?? "?";
        var durability = $"innodb_flush_log_at_trx_commit={Text(1)}, log_bin={(Text(2) == "1" ? "ON" : "OFF")}, " +
                         $"innodb_buffer_pool_size={reader.GetInt64(3) / (1024 * 1024)}M, max_connections={Text(4)}";
        return new BenchServer(root, source, Text(0), durability, LocalPid(Text(5)));
    }

    /// <summary>Creates an empty database and returns the service's connection string for it (the service migrates it).</summary>
    public async Task<string> CreateDatabaseAsync(string scenario)
    {
        var name = $"http_{scenario}_{DateTime.UtcNow:HHmmss}";
        await using var connection = await OpenAsync(_root);
        await using var command = new MySqlCommand($"DROP DATABASE IF EXISTS `{name}`; CREATE DATABASE `{name}`;", connection);
        await command.ExecuteNonQueryAsync();
        // The service's own pool settings stay at MySqlConnector's defaults: only the database is chosen here.
        var builder = new MySqlConnectionStringBuilder(_root) { Database = name };
        builder.Remove("Maximum Pool Size");
        builder.Remove("Pooling");
        return builder.ConnectionString;
    }

    /// <summary>The server-wide counters of commits, fsyncs and statements.</summary>
    public Task<ServerCounters> ReadCountersAsync() => ReadCountersAsync(_root);

    /// <summary>The counters of the server <paramref name="connectionString"/> reaches (for each node of a cluster).</summary>
    public static async Task<ServerCounters> ReadCountersAsync(string connectionString)
    {
        await using var connection = await OpenAsync(connectionString);
        await using var command = new MySqlCommand(
            "SHOW GLOBAL STATUS WHERE Variable_name IN ('Com_commit', 'Innodb_data_fsyncs', 'Questions');", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        while (await reader.ReadAsync())
            values[reader.GetString(0)] = long.Parse(reader.GetString(1), CultureInfo.InvariantCulture);
        return new ServerCounters(values["Com_commit"], values["Innodb_data_fsyncs"], values["Questions"]);
    }

    private static async Task<MySqlConnection> OpenAsync(string connectionString)
    {
        var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static int? LocalPid(string pidFile) =>
        File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), CultureInfo.InvariantCulture, out var pid) && File.Exists($"/proc/{pid}/stat")
            ? pid
            : null;
}

/// <summary>A snapshot of global status counters; subtract two to get what happened in between.</summary>
internal sealed record ServerCounters(long Commits, long Fsyncs, long Questions)
{
    public static ServerCounters operator -(ServerCounters end, ServerCounters start) =>
        new(end.Commits - start.Commits, end.Fsyncs - start.Fsyncs, end.Questions - start.Questions);

    public ServerCounters Subtract(ServerCounters start) => this - start;
}
