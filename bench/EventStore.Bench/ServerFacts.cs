using System.Globalization;
using MySqlConnector;

namespace EventStore.Bench;

/// <summary>The server settings that decide what a commit costs, read from the server itself.</summary>
internal sealed record ServerFacts(string Version, string FlushLogAtTrxCommit, string LogBin, string SyncBinlog, string BufferPool, int? Pid)
{
    public static async Task<ServerFacts> ReadAsync(string connectionString)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand(
            "SELECT VERSION(), @@innodb_flush_log_at_trx_commit, @@log_bin, @@sync_binlog, @@innodb_buffer_pool_size, @@pid_file;", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var text = (int i) => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture) ?? "?";
        return new ServerFacts(
            text(0), text(1), text(2) == "1" ? "ON" : "OFF", text(3), $"{reader.GetInt64(4) / (1024 * 1024)} MiB", LocalPid(text(5)));
    }

    // The server's CPU time can be sampled only when it runs on this machine and its pid file is readable.
    private static int? LocalPid(string pidFile) =>
        File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), CultureInfo.InvariantCulture, out var pid) && File.Exists($"/proc/{pid}/stat")
            ? pid
            : null;
}
