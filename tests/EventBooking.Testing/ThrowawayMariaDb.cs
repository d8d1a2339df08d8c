using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MySqlConnector;

namespace EventBooking.Testing;

/// <summary>
/// A private mariadbd in a temporary directory: installed and started in about a second, listening on
/// loopback only, killed when the test process exits. Durability settings stay at their defaults
/// (innodb_flush_log_at_trx_commit = 1), so the tests see what production sees.
/// </summary>
public static class ThrowawayMariaDb
{
    /// <summary>Starts a server and returns a root connection string without a database, or null with the reason.</summary>
    public static async Task<string?> TryStartAsync(List<string> reasons)
    {
        var server = Find("mariadbd");
        var installer = Find("mariadb-install-db");
        if (server is null || installer is null)
        {
            reasons.Add("mariadbd / mariadb-install-db not found on PATH or in /usr/sbin");
            return null;
        }

        var directory = Directory.CreateTempSubdirectory("eventbooking-mariadb-").FullName;
        var data = Path.Combine(directory, "data");
        var install = await RunAsync(installer, $"--no-defaults --datadir={data} --auth-root-authentication-method=normal --user={Environment.UserName}");
        if (install is not null)
        {
            reasons.Add($"mariadb-install-db failed: {install}");
            return null;
        }

        var port = FreePort();
        var process = Process.Start(new ProcessStartInfo(server,
            $"--no-defaults --datadir={data} --socket={Path.Combine(directory, "mariadb.sock")} --port={port} " +
            $"--bind-address=127.0.0.1 --user={Environment.UserName} --max-connections=1000 --innodb-buffer-pool-size=512M " +
            $"--log-error={Path.Combine(directory, "error.log")}")
        { RedirectStandardOutput = true, RedirectStandardError = true })!;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(process, directory);

        var connectionString = $"Server=127.0.0.1;Port={port};User ID=root;Password=;Pooling=true;Maximum Pool Size=500";
        return await WaitUntilUpAsync(connectionString, process, reasons) ? connectionString : null;
    }

    private static async Task<bool> WaitUntilUpAsync(string connectionString, Process process, List<string> reasons)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                reasons.Add($"mariadbd exited with code {process.ExitCode}");
                return false;
            }

            try
            {
                await using var connection = new MySqlConnection(connectionString);
                await connection.OpenAsync();
                return true;
            }
            catch (MySqlException)
            {
                await Task.Delay(100);
            }
        }

        reasons.Add("mariadbd did not accept connections within 60 s");
        return false;
    }

    private static async Task<string?> RunAsync(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? null : $"exit {process.ExitCode}: {error}{await output}";
    }

    private static void Stop(Process process, string directory)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }

            Directory.Delete(directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            // Best effort at process exit: a leftover temp directory is harmless.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Append("/usr/sbin").Append("/usr/bin")
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
}
