using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MySqlConnector;

namespace EventBooking.Testing.Processes;

/// <summary>
/// A private mariadbd in a temporary directory that a test may kill (SIGKILL) and start again on the same data
/// directory and port, so InnoDB's crash recovery runs exactly as after a power cut. Durability settings stay at their
/// defaults (innodb_flush_log_at_trx_commit = 1). The server is killed and its directory deleted on dispose, and killed
/// at the latest when the test process exits.
/// </summary>
public sealed class MariaDbProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly string _server;
    private readonly string _directory;
    private Process _process;

    private MariaDbProcess(string server, string directory, int port, Process process)
    {
        _server = server;
        _directory = directory;
        Port = port;
        _process = process;
        AppDomain.CurrentDomain.ProcessExit += KillAtExit;
    }

    public int Port { get; }

    /// <summary>The running mariadbd's process id.</summary>
    public int Pid => _process.Id;

    /// <summary>How many times the server was started (1 after <see cref="StartAsync"/>).</summary>
    public int Starts { get; private set; } = 1;

    /// <summary>A root connection string without a database.</summary>
    public string ConnectionString => $"Server=127.0.0.1;Port={Port};User ID=root;Password=;Pooling=true;Maximum Pool Size=500";

    /// <summary>Installs a fresh data directory, starts the server on a free loopback port and waits until it accepts connections.</summary>
    public static async Task<MariaDbProcess> StartAsync()
    {
        var server = Find("mariadbd");
        var installer = Find("mariadb-install-db");
        if (server is null || installer is null)
            throw new InvalidOperationException("mariadbd / mariadb-install-db not found on PATH or in /usr/sbin");

        var directory = Directory.CreateTempSubdirectory("eventbooking-mariadb-").FullName;
        var (exit, output) = await RunAsync(installer, $"--no-defaults --datadir={Path.Combine(directory, "data")} --auth-root-authentication-method=normal --user={Environment.UserName}");
        if (exit != 0)
            throw new InvalidOperationException($"mariadb-install-db failed: exit {exit}: {output}");

        var port = FreePort();
        var mariaDb = new MariaDbProcess(server, directory, port, Launch(server, directory, port));
        try
        {
            await mariaDb.WaitUntilUpAsync();
            return mariaDb;
        }
        catch
        {
            await mariaDb.DisposeAsync();
            throw;
        }
    }

    /// <summary>Creates an empty database and returns a connection string to it.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using var connection = new MySqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand($"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;", connection);
        await command.ExecuteNonQueryAsync();
        return new MySqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>kill -9: no shutdown, no flush; whatever InnoDB had not made durable is lost.</summary>
    public void Kill()
    {
        if (_process.HasExited)
            return;
        _process.Kill();
        _process.WaitForExit();
    }

    /// <summary>Starts the server again on the same data directory and port (after <see cref="Kill"/>) and waits until it accepts connections.</summary>
    public async Task RestartAsync()
    {
        Kill();
        _process.Dispose();
        _process = Launch(_server, _directory, Port);
        Starts++;
        await WaitUntilUpAsync();
    }

    /// <summary>The last lines of the server's error log, for a failure message.</summary>
    public string ErrorLogTail(int lines)
    {
        var log = Path.Combine(_directory, "error.log");
        return File.Exists(log) ? string.Join('\n', File.ReadLines(log).TakeLast(lines)) : "(no error log)";
    }

    public ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= KillAtExit;
        Kill();
        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover temporary directory is harmless.
        }

        return ValueTask.CompletedTask;
    }

    private static Process Launch(string server, string directory, int port) =>
        Process.Start(new ProcessStartInfo(server,
            $"--no-defaults --datadir={Path.Combine(directory, "data")} --socket={Path.Combine(directory, "mariadb.sock")} --port={port} " +
            $"--bind-address=127.0.0.1 --user={Environment.UserName} --max-connections=1000 --innodb-buffer-pool-size=512M " +
            $"--log-error={Path.Combine(directory, "error.log")}")
        { RedirectStandardOutput = true, RedirectStandardError = true })
        ?? throw new InvalidOperationException($"Could not start {server}.");

    private async Task WaitUntilUpAsync()
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"mariadbd exited with code {_process.ExitCode}:\n{ErrorLogTail(20)}");
            try
            {
                await using var connection = new MySqlConnection(ConnectionString);
                await connection.OpenAsync();
                return;
            }
            catch (MySqlException)
            {
                await Task.Delay(100);
            }
        }

        throw new InvalidOperationException($"mariadbd did not accept connections within {StartTimeout.TotalSeconds:0} s:\n{ErrorLogTail(20)}");
    }

    private void KillAtExit(object? sender, EventArgs e)
    {
        try
        {
            Kill();
            Directory.Delete(_directory, recursive: true);
        }
        catch (Exception failure) when (failure is IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            // Best effort at process exit.
        }
    }

    private static async Task<(int Exit, string Output)> RunAsync(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, error + await output);
    }

    internal static int FreePort()
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
