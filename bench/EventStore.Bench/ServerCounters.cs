using MySqlConnector;

namespace EventStore.Bench;

/// <summary>
/// Server status counters that explain a commit's cost: InnoDB fsyncs (MariaDB 10.8+ counts the redo log's among
/// them; group commit shares one among several commits), redo bytes, and statements executed. Read before and after
/// a measurement; the difference is the run's. A counter the server does not have reads as 0.
/// </summary>
internal sealed record ServerCounters(long Fsyncs, long LogBytes, long Statements)
{
    public static ServerCounters Zero { get; } = new(0, 0, 0);

    public static async Task<ServerCounters> ReadAsync(string connectionString)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand(
            "SHOW GLOBAL STATUS WHERE Variable_name IN ('Innodb_data_fsyncs', 'Innodb_os_log_written', 'Questions');", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        while (await reader.ReadAsync())
            values[reader.GetString(0)] = long.Parse(reader.GetString(1), System.Globalization.CultureInfo.InvariantCulture);
        return new ServerCounters(
            values.GetValueOrDefault("Innodb_data_fsyncs"), values.GetValueOrDefault("Innodb_os_log_written"), values.GetValueOrDefault("Questions"));
    }

    public static ServerCounters operator -(ServerCounters a, ServerCounters b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return new(a.Fsyncs - b.Fsyncs, a.LogBytes - b.LogBytes, a.Statements - b.Statements);
    }

    public static ServerCounters operator +(ServerCounters a, ServerCounters b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return new(a.Fsyncs + b.Fsyncs, a.LogBytes + b.LogBytes, a.Statements + b.Statements);
    }
}
