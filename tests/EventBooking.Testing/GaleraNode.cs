using System.Diagnostics;
using System.Globalization;
using MySqlConnector;

namespace EventBooking.Testing;

/// <summary>
/// One mariadbd of a <see cref="GaleraCluster"/>: its client port and data directory stay the same across restarts,
/// so clients see the same node go away and come back. Replication is virtually synchronous: a read on one node
/// right after a commit on another is sure to see it only with <c>SET SESSION wsrep_sync_wait = 1</c>.
/// </summary>
public sealed class GaleraNode
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private readonly string _name;
    private readonly string _executable;
    private readonly string _errorLog;
    private readonly string[] _arguments;
    private readonly string _probe;
    private Process? _process;

    internal GaleraNode(string name, string executable, int port, string errorLog, string[] arguments)
    {
        _name = name;
        _executable = executable;
        _errorLog = errorLog;
        _arguments = arguments;
        Port = port;
        ConnectionString = $"Server=127.0.0.1;Port={port};User ID=root;Password=;Pooling=true;Maximum Pool Size=500";
        // No pooling: a probe must not leave a connection behind that a test would find dead after a kill.
        _probe = new MySqlConnectionStringBuilder(ConnectionString) { Pooling = false, ConnectionTimeout = 5, DefaultCommandTimeout = 30 }.ConnectionString;
        AppDomain.CurrentDomain.ProcessExit += KillAtExit;
    }

    /// <summary>The loopback client port, the same across restarts.</summary>
    public int Port { get; }

    /// <summary>A root connection string to this node, without a database.</summary>
    public string ConnectionString { get; }

    /// <summary>Whether this node's mariadbd process is alive (it may still be joining: see <see cref="WaitUntilSyncedAsync"/>).</summary>
    /// <summary>The running mariadbd's process id (for CPU accounting), or null when it is down.</summary>
    public int? Pid => _process is { HasExited: false } process ? process.Id : null;

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>A connection string to <paramref name="database"/> on this node.</summary>
    public string DatabaseConnectionString(string database) =>
        new MySqlConnectionStringBuilder(ConnectionString) { Database = database }.ConnectionString;

    /// <summary>
    /// Starts this node again on its data directory and ports, joining the running cluster (never bootstrapping a
    /// new one), and returns once it is Synced.
    /// </summary>
    public async Task StartAsync()
    {
        if (IsRunning)
            throw new InvalidOperationException($"{_name} is already running.");
        // A first start has nothing to recover: the copied data directory needs a full SST anyway.
        Launch(bootstrap: false, _process is null ? null : await RecoveredPositionAsync());
        await WaitUntilSyncedAsync();
    }

    /// <summary>
    /// A crash (SIGKILL). The others evict this node once they stop hearing from it (evs.suspect_timeout, 5 s);
    /// until then their commits wait.
    /// </summary>
    public async Task KillAsync()
    {
        if (_process is not { HasExited: false } process)
            return;
        process.Kill(entireProcessTree: true); // the tree: an SST script's rsync must not outlive its node
        await process.WaitForExitAsync();
    }

    /// <summary>A clean shutdown (SIGTERM): the node leaves the cluster; returns once the process has exited.</summary>
    public async Task StopAsync()
    {
        if (_process is not { HasExited: false } process)
            return;
        var failure = await GaleraCluster.RunAsync("kill", "-TERM", process.Id.ToString(CultureInfo.InvariantCulture));
        if (failure is not null)
            throw new InvalidOperationException($"kill -TERM {process.Id} ({_name}) failed: {failure}");
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new InvalidOperationException($"{_name} (port {Port}) did not exit within {Timeout.TotalSeconds:0} s of SIGTERM.\n{ErrorLogTail()}");
        }
    }

    /// <summary>Waits until this node is Synced (wsrep_local_state_comment) and ready in a primary component.</summary>
    public Task WaitUntilSyncedAsync() => WaitUntilAsync("Synced", IsSynced);

    internal static bool IsSynced(IReadOnlyDictionary<string, string> status) =>
        status.GetValueOrDefault("wsrep_local_state_comment") == "Synced" &&
        status.GetValueOrDefault("wsrep_ready") == "ON" &&
        status.GetValueOrDefault("wsrep_cluster_status") == "Primary";

    internal void Launch(bool bootstrap, string? startPosition = null)
    {
        if (IsRunning)
            throw new InvalidOperationException($"{_name} is already running.");
        string[] arguments = bootstrap ? [.. _arguments, "--wsrep-new-cluster"]
            : startPosition is null ? _arguments : [.. _arguments, $"--wsrep-start-position={startPosition}"];
        var start = new ProcessStartInfo(_executable, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _process = Process.Start(start)!;
        // Drained, not kept: everything useful goes to the error log, and a full pipe would block mariadbd.
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    internal async Task WaitUntilAsync(string state, Func<IReadOnlyDictionary<string, string>, bool> reached)
    {
        var deadline = DateTime.UtcNow + Timeout;
        var last = "no answer yet";
        while (DateTime.UtcNow < deadline)
        {
            if (_process is not { HasExited: false } process)
                throw new InvalidOperationException(_process is null
                    ? $"{_name} (port {Port}) is not running."
                    : $"{_name} (port {Port}) exited with code {_process.ExitCode} while waiting to be {state}.\n{ErrorLogTail()}");
            try
            {
                var status = await StatusAsync();
                if (reached(status))
                    return;
                last = $"{status.GetValueOrDefault("wsrep_local_state_comment")}, {status.GetValueOrDefault("wsrep_cluster_status")}, cluster size {status.GetValueOrDefault("wsrep_cluster_size")}";
            }
            catch (MySqlException e)
            {
                last = e.Message;
            }

            await Task.Delay(200);
        }

        throw new InvalidOperationException($"{_name} (port {Port}) was not {state} within {Timeout.TotalSeconds:0} s (last: {last}).\n{ErrorLogTail()}");
    }

    internal async Task ExecuteAsync(string sql)
    {
        await using var connection = new MySqlConnection(_probe);
        await connection.OpenAsync();
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    internal async Task DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= KillAtExit;
        await KillAsync();
        _process?.Dispose();
    }

    // After a crash grastate.dat says seqno -1, and a node that does not know its position asks for a full SST.
    // Like galera_recovery (which the packaged service runs first), read the position InnoDB committed and pass it
    // on, so the node catches up by IST from a donor's cache.
    private async Task<string?> RecoveredPositionAsync()
    {
        const string Marker = "WSREP: Recovered position:";
        using var process = Process.Start(new ProcessStartInfo(_executable, [.. _arguments, "--wsrep-recover", "--disable-log-error"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        using var timeout = new CancellationTokenSource(Timeout);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        string log;
        try
        {
            log = await process.StandardError.ReadToEndAsync(timeout.Token);
            await output;
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{_name}: mariadbd --wsrep-recover did not finish within {Timeout.TotalSeconds:0} s.");
        }

        var line = log.Split('\n').LastOrDefault(candidate => candidate.Contains(Marker, StringComparison.Ordinal));
        if (process.ExitCode != 0 || line is null)
            throw new InvalidOperationException($"{_name}: mariadbd --wsrep-recover found no position (exit {process.ExitCode}):\n{string.Join('\n', log.Split('\n').TakeLast(30))}");
        return line[(line.IndexOf(Marker, StringComparison.Ordinal) + Marker.Length)..].Trim();
    }

    internal async Task<IReadOnlyDictionary<string, string>> StatusAsync()
    {
        await using var connection = new MySqlConnection(_probe);
        await connection.OpenAsync();
        await using var command = new MySqlCommand("SHOW STATUS LIKE 'wsrep%';", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var status = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
            status[reader.GetString(0)] = reader.GetString(1);
        return status;
    }

    private string ErrorLogTail()
    {
        try
        {
            using var stream = new FileStream(_errorLog, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            var lines = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            return $"Tail of {_errorLog}:\n" + string.Join('\n', lines.TakeLast(30));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"({_errorLog} unreadable: {e.Message})";
        }
    }

    private void KillAtExit(object? sender, EventArgs e)
    {
        try
        {
            // SIGKILL and go on: the test host gives exit handlers little time, and every node must get its signal
            // (walking the process tree and waiting for each node in turn let later nodes outlive the test run).
            if (_process is { HasExited: false } process)
                process.Kill();
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Best effort at process exit.
        }
    }
}
