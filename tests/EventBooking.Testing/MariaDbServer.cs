using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MySqlConnector;

namespace EventBooking.Testing;

/// <summary>
/// A private mariadbd that a test controls: a fresh data directory in a temporary folder on a free loopback port, then
/// started, stopped (SIGTERM: a clean shutdown), killed (SIGKILL: a crash) and started again on the same data
/// directory and port, so clients see the same server go away and come back. Disposing kills it and deletes
/// the directory. Durability settings stay at their defaults (innodb_flush_log_at_trx_commit = 1).
/// </summary>
public sealed class MariaDbServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly SemaphoreSlim Installing = new(1, 1);
    private static string? _template;
    private readonly string _executable;
    private readonly string _directory;
    private readonly string _bufferPoolSize;
    private Process? _process;

    private MariaDbServer(string executable, string directory, int port, string bufferPoolSize)
    {
        _executable = executable;
        _directory = directory;
        _bufferPoolSize = bufferPoolSize;
        Port = port;
        ConnectionString = $"Server=127.0.0.1;Port={port};User ID=root;Password=;Pooling=true;Maximum Pool Size=500";
    }

    /// <summary>The loopback port, the same across restarts.</summary>
    public int Port { get; }

    /// <summary>A root connection string without a database.</summary>
    public string ConnectionString { get; }

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Installs an empty data directory (not started yet), or throws with the reason.</summary>
    public static async Task<MariaDbServer> InstallAsync(string bufferPoolSize = "64M")
    {
        var reasons = new List<string>();
        return await TryInstallAsync(reasons, bufferPoolSize)
            ?? throw new InvalidOperationException("No throwaway MariaDB: " + string.Join("; ", reasons) + ". Install MariaDB (apt-get install -y mariadb-server).");
    }

    /// <summary>
    /// An empty data directory (not started yet), or null with the reason. mariadb-install-db runs once per mariadbd
    /// build; each server gets a copy of that pristine directory, which is much faster than installing again.
    /// </summary>
    public static async Task<MariaDbServer?> TryInstallAsync(List<string> reasons, string bufferPoolSize = "64M")
    {
        ArgumentNullException.ThrowIfNull(reasons);
        var server = Find("mariadbd");
        var template = await TemplateAsync(reasons);
        if (server is null || template is null)
        {
            reasons.Add("mariadbd not found on PATH or in /usr/sbin");
            return null;
        }

        var directory = Directory.CreateTempSubdirectory("eventbooking-mariadb-").FullName;
        Copy(template, Path.Combine(directory, "data"));
        return new MariaDbServer(server, directory, FreePort(), bufferPoolSize);
    }

    /// <summary>Starts mariadbd and returns once it accepts connections.</summary>
    public async Task StartAsync()
    {
        if (IsRunning)
            throw new InvalidOperationException("The server is already running.");
        var reasons = new List<string>();
        if (!await TryStartAsync(reasons))
            throw new InvalidOperationException("mariadbd did not start: " + string.Join("; ", reasons));
    }

    /// <summary>Starts mariadbd; false with the reason when it exits or does not answer within a minute.</summary>
    public async Task<bool> TryStartAsync(List<string> reasons)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        _process = Process.Start(new ProcessStartInfo(_executable,
            $"--no-defaults --datadir={Path.Combine(_directory, "data")} --tmpdir={Directory.CreateDirectory(Path.Combine(_directory, "tmp")).FullName} " +
            $"--socket={Path.Combine(_directory, "mariadb.sock")} --port={Port} " +
            $"--bind-address=127.0.0.1 --user={Environment.UserName} --max-connections=1000 --innodb-buffer-pool-size={_bufferPoolSize} " +
            $"--log-error={Path.Combine(_directory, "error.log")}")
        { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var process = _process;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Kill(process);
        return await WaitUntilUpAsync(process, reasons);
    }

    /// <summary>A clean shutdown (SIGTERM): returns once the process has exited.</summary>
    public async Task StopAsync()
    {
        if (_process is not { HasExited: false } process)
            return;
        using (var kill = Process.Start(new ProcessStartInfo("kill", $"-TERM {process.Id}") { RedirectStandardError = true })!)
            await kill.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(StartTimeout);
        await process.WaitForExitAsync(timeout.Token);
    }

    /// <summary>A crash (SIGKILL): no shutdown, InnoDB recovers from its redo log at the next start.</summary>
    public async Task KillAsync()
    {
        if (_process is not { HasExited: false } process)
            return;
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    /// <summary>Stops (SIGTERM) and starts again on the same data directory and port.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        await StartAsync();
    }

    /// <summary>Creates an empty database and returns a connection string to it.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using var connection = new MySqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand($"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;", connection);
        await command.ExecuteNonQueryAsync();
        return DatabaseConnectionString(name);
    }

    /// <summary>A connection string to <paramref name="database"/> on this server (which need not exist or run yet).</summary>
    public string DatabaseConnectionString(string database) =>
        new MySqlConnectionStringBuilder(ConnectionString) { Database = database }.ConnectionString;

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
            await KillAsync();
        TryDelete(_directory);
    }

    private async Task<bool> WaitUntilUpAsync(Process process, List<string> reasons)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                reasons.Add($"mariadbd exited with code {process.ExitCode}");
                return false;
            }

            try
            {
                // No pooling: a probe must not leave a connection behind that the next test would find dead.
                await using var connection = new MySqlConnection(new MySqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString);
                await connection.OpenAsync();
                return true;
            }
            catch (MySqlException)
            {
                await Task.Delay(100);
            }
        }

        reasons.Add($"mariadbd did not accept connections within {StartTimeout.TotalSeconds} s");
        return false;
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Best effort at process exit.
        }
    }

    // Installed once per mariadbd build and kept in the temp folder as a cache (an empty data directory, about
    // 110 MB), so that no cleanup has to run at process exit: the test host allows exit handlers little time, and
    // killing the servers comes first. A failed install is not remembered; the next server tries again.
    private static async Task<string?> TemplateAsync(List<string> reasons)
    {
        await Installing.WaitAsync();
        try
        {
            if (_template is not null)
                return _template;
            var installer = Find("mariadb-install-db");
            var server = Find("mariadbd");
            if (installer is null || server is null)
            {
                reasons.Add("mariadbd / mariadb-install-db not found on PATH or in /usr/sbin");
                return null;
            }

            var build = new FileInfo(server);
            var cached = Path.Combine(Path.GetTempPath(), $"eventbooking-mariadb-template-{build.Length:x}-{build.LastWriteTimeUtc.Ticks:x}");
            if (Directory.Exists(cached))
                return _template = cached;

            var directory = Directory.CreateTempSubdirectory("eventbooking-mariadb-install-").FullName;
            var data = Path.Combine(directory, "data");
            // A private tmpdir: with the shared /tmp, the install's temporary table files were seen to vanish while
            // other test processes ran ("Could not remove temporary table", then "Unknown table mysql.tmp_user_sys").
            var tmp = Directory.CreateDirectory(Path.Combine(directory, "tmp")).FullName;
            var failure = await RunAsync(installer, $"--no-defaults --datadir={data} --tmpdir={tmp} --auth-root-authentication-method=normal --user={Environment.UserName}");
            if (failure is not null)
            {
                TryDelete(directory);
                reasons.Add($"mariadb-install-db failed: {failure}");
                return null;
            }

            try
            {
                Directory.Move(data, cached); // atomic: the cached directory is complete whenever it exists
            }
            catch (IOException) when (Directory.Exists(cached))
            {
                // Another test process cached it first.
            }

            TryDelete(directory);
            return _template = cached;
        }
        finally
        {
            Installing.Release();
        }
    }

    internal static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var directory in Directory.EnumerateDirectories(from))
            Copy(directory, Path.Combine(to, Path.GetFileName(directory)));
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover temp directory is harmless.
        }
    }

    private static async Task<string?> RunAsync(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? null : $"exit {process.ExitCode}: {error}{await output}";
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Append("/usr/sbin").Append("/usr/bin")
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
}
