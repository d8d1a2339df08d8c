using System.Diagnostics;
using System.Globalization;

namespace EventBooking.Testing;

/// <summary>
/// A private MariaDB Galera cluster that a test controls: nodes on free loopback ports (client, gcomm, SST, IST),
/// each with its own data directory in one temporary folder, joined by rsync SST. Node 1 bootstraps the cluster;
/// the others join it. A node can be killed, stopped and started again on the same data directory and ports,
/// rejoining the running cluster (IST when the donor still holds the missed write sets). Disposing kills every node
/// and deletes the folder; the nodes are also killed when the test process exits.
/// </summary>
public sealed class GaleraCluster : IAsyncDisposable
{
    private static readonly string[] Providers = ["/usr/lib/galera/libgalera_smm.so", "/usr/lib/libgalera_smm.so", "/usr/lib64/galera-4/libgalera_smm.so"];
    private static readonly Lazy<Task<GaleraCluster>> Shared = new(StartSharedAsync);
    private static readonly SemaphoreSlim Installing = new(1, 1);
    private static string? _template;
    private readonly string _directory;
    private readonly GaleraNode[] _nodes;

    private GaleraCluster(string directory, GaleraNode[] nodes)
    {
        _directory = directory;
        _nodes = nodes;
    }

    /// <summary>The nodes in start order: node 1 bootstrapped the cluster.</summary>
    public IReadOnlyList<GaleraNode> Nodes => _nodes;

    /// <summary>
    /// Starts a cluster of <paramref name="nodes"/> and returns once every node is Synced in one primary component,
    /// or throws with the reason (missing mariadbd, galera-4 or rsync; a node that exits or never syncs).
    /// </summary>
    public static async Task<GaleraCluster> StartAsync(int nodes = 3)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(nodes, 1);
        var server = MariaDbServer.Find("mariadbd") ?? throw Missing("mariadbd is not on PATH or in /usr/sbin", "mariadb-server");
        _ = MariaDbServer.Find("rsync") ?? throw Missing("rsync (the state transfer) is not on PATH", "rsync");
        var provider = Providers.FirstOrDefault(File.Exists) ?? throw Missing($"the Galera provider is not at {string.Join(" or ", Providers)}", "galera-4");

        // As root, mariadbd is told to drop to mysql, as the packaged service does: the SST scripts it forks then run
        // as mysql too, so every file they touch (data, tmp, logs, the folder itself) must belong to mysql.
        var user = Environment.UserName == "root" ? "mysql" : Environment.UserName;
        var template = await TemplateAsync(server, user);
        var directory = Directory.CreateTempSubdirectory("eventbooking-galera-").FullName;
        var ports = FreePorts(4 * nodes);
        var gcomm = string.Join(",", Enumerable.Range(0, nodes).Select(i => $"127.0.0.1:{ports[(4 * i) + 1]}"));
        // A name of its own: clusters of parallel test processes (each takes free ports, which another process may
        // take next) can never merge into one, whatever port they meet on. Galera's group names are short (at most
        // 32 characters: a longer one fails every gcomm handshake).
        var name = $"eventbooking-{Guid.NewGuid():N}"[..24];
        var members = new GaleraNode[nodes];
        for (var i = 0; i < nodes; i++)
        {
            var number = i + 1;
            MariaDbServer.Copy(template, Path.Combine(directory, $"d{number}"));
            Directory.CreateDirectory(Path.Combine(directory, $"tmp{number}"));
            var (client, group, sst, ist) = (ports[4 * i], ports[(4 * i) + 1], ports[(4 * i) + 2], ports[(4 * i) + 3]);
            members[i] = new GaleraNode($"node{number}", server, client, Path.Combine(directory, $"e{number}.log"),
            [
                "--no-defaults", $"--datadir={directory}/d{number}", $"--socket={directory}/s{number}.sock", $"--port={client}",
                "--bind-address=127.0.0.1", $"--user={user}", $"--log-error={directory}/e{number}.log",
                $"--pid-file={directory}/p{number}.pid", $"--tmpdir={directory}/tmp{number}",
                "--binlog-format=ROW", "--innodb-autoinc-lock-mode=2", "--default-storage-engine=InnoDB",
                "--max-connections=1000", "--innodb-buffer-pool-size=128M",
                "--wsrep-on=ON", $"--wsrep-provider={provider}", $"--wsrep-cluster-name={name}",
                $"--wsrep-cluster-address=gcomm://{gcomm}", $"--wsrep-node-address=127.0.0.1:{group}",
                $"--wsrep-node-name=node{number}", "--wsrep-sst-method=rsync", $"--wsrep-sst-receive-address=127.0.0.1:{sst}",
                $"--wsrep-provider-options=gmcast.listen_addr=tcp://127.0.0.1:{group};ist.recv_addr=127.0.0.1:{ist};gcache.size=32M",
            ]);
        }

        if (user == "mysql")
            await ChownAsync(directory);
        WatchFromOutside(directory);
        var cluster = new GaleraCluster(directory, members);
        try
        {
            members[0].Launch(bootstrap: true);
            await members[0].WaitUntilSyncedAsync();
            // One joiner at a time: a donor serves one rsync SST, a second joiner would only wait and retry.
            foreach (var node in members.Skip(1))
                await node.StartAsync();
            await cluster.WaitUntilSyncedAsync();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// One cluster per test process, started on first use and killed at process exit, for suites that only need
    /// databases (<see cref="CreateDatabaseAsync"/>): do not stop or kill its nodes.
    /// </summary>
    public static Task<GaleraCluster> SharedAsync() => Shared.Value;

    /// <summary>
    /// Creates an empty database with a unique name (<c>{prefix}_{guid}</c>, at most 64 characters) through the first
    /// running node, waits until every running node has it, and returns its name for
    /// <see cref="GaleraNode.DatabaseConnectionString"/>.
    /// </summary>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(64, prefix.Length + 33)];
        var running = _nodes.Where(node => node.IsRunning).ToList();
        if (running.Count == 0)
            throw new InvalidOperationException("No node of the cluster is running.");
        await running[0].ExecuteAsync($"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;");
        // The other nodes apply the DDL a moment later; a causal read waits for that, so a connection string with
        // Database set works on any node as soon as this returns.
        foreach (var node in running.Skip(1))
            await node.ExecuteAsync($"SET SESSION wsrep_sync_wait = 1; SHOW DATABASES LIKE '{name}';");
        return name;
    }

    /// <summary>Waits until every running node is Synced and sees a cluster of exactly the running nodes.</summary>
    public async Task WaitUntilSyncedAsync()
    {
        var running = _nodes.Where(node => node.IsRunning).ToList();
        var size = running.Count.ToString(CultureInfo.InvariantCulture);
        foreach (var node in running)
        {
            await node.WaitUntilAsync($"Synced in a cluster of {size}",
                status => GaleraNode.IsSynced(status) && status.GetValueOrDefault("wsrep_cluster_size") == size);
        }
    }

    /// <summary>
    /// Waits until every running node has applied every write set committed in the cluster so far, and a moment more.
    /// A read on one node right after a commit on another can miss it even with <c>wsrep_sync_wait = 1</c> (measured
    /// with this build: 2 to 8 reads in 1,000 were one write behind), so a test that checks what was written after a
    /// load through several nodes settles first.
    /// </summary>
    public async Task WaitUntilAppliedAsync()
    {
        var running = _nodes.Where(node => node.IsRunning).ToList();
        var committed = await Task.WhenAll(running.Select(async node => LastCommitted(await node.StatusAsync())));
        var target = committed.Max();
        foreach (var node in running)
            await node.WaitUntilAsync(string.Create(CultureInfo.InvariantCulture, $"applied up to seqno {target}"), status => LastCommitted(status) >= target);
        await Task.Delay(TimeSpan.FromMilliseconds(250));
    }

    private static long LastCommitted(IReadOnlyDictionary<string, string> status) =>
        long.Parse(status.GetValueOrDefault("wsrep_last_committed", "-1"), CultureInfo.InvariantCulture);

    /// <summary>Kills every node (SIGKILL) and deletes the data directories.</summary>
    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_nodes.Select(node => node.DisposeAsync()));
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover temp directory is harmless.
        }
    }

    private static async Task<GaleraCluster> StartSharedAsync()
    {
        var cluster = await StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(10));
        return cluster;
    }

    // Installed once per mariadbd build and user and kept in the temp folder, as MariaDbServer does: each node gets
    // a copy, which is faster than installing again.
    private static async Task<string> TemplateAsync(string server, string user)
    {
        await Installing.WaitAsync();
        try
        {
            if (_template is not null)
                return _template;
            var installer = MariaDbServer.Find("mariadb-install-db") ?? throw Missing("mariadb-install-db is not on PATH", "mariadb-server");
            var build = new FileInfo(server);
            var cached = Path.Combine(Path.GetTempPath(), $"eventbooking-galera-template-{user}-{build.Length:x}-{build.LastWriteTimeUtc.Ticks:x}");
            if (Directory.Exists(cached))
                return _template = cached;

            var directory = Directory.CreateTempSubdirectory("eventbooking-galera-install-").FullName;
            var data = Path.Combine(directory, "data");
            // A private tmpdir, as in MariaDbServer: the shared /tmp lost the install's temporary tables.
            var tmp = Directory.CreateDirectory(Path.Combine(directory, "tmp")).FullName;
            if (user == "mysql")
                await ChownAsync(directory);
            var failure = await RunAsync(installer, "--no-defaults", $"--datadir={data}", $"--tmpdir={tmp}", $"--user={user}", "--auth-root-authentication-method=normal");
            if (failure is not null)
            {
                Directory.Delete(directory, recursive: true);
                throw new InvalidOperationException($"No Galera cluster: mariadb-install-db failed: {failure}");
            }

            try
            {
                Directory.Move(data, cached); // atomic: the cached directory is complete whenever it exists
            }
            catch (IOException) when (Directory.Exists(cached))
            {
                // Another test process cached it first.
            }

            Directory.Delete(directory, recursive: true);
            return _template = cached;
        }
        finally
        {
            Installing.Release();
        }
    }

    private static async Task ChownAsync(string directory)
    {
        var failure = await RunAsync("chown", "-R", "mysql:mysql", directory);
        if (failure is not null)
            throw new InvalidOperationException($"No Galera cluster: chown -R mysql:mysql {directory} failed: {failure}");
    }

    internal static async Task<string?> RunAsync(string file, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? null : $"exit {process.ExitCode}: {error}{await output}";
    }

    private static int[] FreePorts(int count)
    {
        var ports = new HashSet<int>();
        while (ports.Count < count)
            ports.Add(MariaDbServer.FreePort());
        return [.. ports];
    }

    // The test host may be killed at the end of a run before its exit handlers have run (seen with a whole solution's
    // run: both shared clusters kept running). A shell outside it waits for it to go, then kills the nodes it finds in
    // the folder's pid files (if they still are this folder's mariadbd) and deletes the folder.
    private static void WatchFromOutside(string directory)
    {
        var script =
            $"while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 1; done; " +
            $"for f in '{directory}'/p*.pid; do p=$(cat \"$f\" 2>/dev/null); " +
            $"[ -n \"$p\" ] && grep -q '{directory}' /proc/$p/cmdline 2>/dev/null && kill -9 $p; done; sleep 1; rm -rf '{directory}'";
        // Its own pipes, not the test host's output: a runner waiting for that output to close would wait for the shell.
        using var watcher = Process.Start(new ProcessStartInfo("sh", ["-c", script])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        });
    }

    private static InvalidOperationException Missing(string reason, string package) =>
        new($"No Galera cluster: {reason}. Install it (apt-get install -y {package}).");
}
