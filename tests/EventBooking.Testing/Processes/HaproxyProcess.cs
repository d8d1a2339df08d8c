using System.Diagnostics;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace EventBooking.Testing.Processes;

/// <summary>
/// HAProxy (Debian's package) running the checked-in <c>deploy/haproxy.cfg</c>, with its listening address and its
/// servers moved to the test's loopback ports: the routing and health checks under test are the ones we ship.
/// </summary>
public sealed partial class HaproxyProcess : IAsyncDisposable
{
    private static readonly string[] Executables = ["/usr/sbin/haproxy", "/usr/bin/haproxy"];
    private readonly Process _process;
    private readonly string _folder;

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _said;

    private HaproxyProcess(Process process, string folder, int port, System.Collections.Concurrent.ConcurrentQueue<string> said)
    {
        _said = said;
        _process = process;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    /// <summary>HAProxy's process id (for CPU accounting).</summary>
    public int Pid => _process.Id;

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    /// <summary>Starts HAProxy in front of <paramref name="servicePorts"/> (node1, node2, ... in that order; at most as many as the file names).</summary>
    public static async Task<HaproxyProcess> StartAsync(IReadOnlyList<int> servicePorts)
    {
        ArgumentNullException.ThrowIfNull(servicePorts);
        var executable = Executables.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("haproxy is not installed (apt-get install -y haproxy).");
        var shipped = await File.ReadAllTextAsync(ShippedConfig());
        var port = MariaDbServer.FreePort();
        var config = Bind().Replace(shipped, $"bind 127.0.0.1:{port}");
        var servers = Server().Matches(config);
        if (servers.Count < servicePorts.Count || servicePorts.Count == 0)
            throw new InvalidOperationException($"deploy/haproxy.cfg names {servers.Count} servers; {servicePorts.Count} were started.");
        // The first servers of the file take the ports given; the lines of the others are dropped.
        var n = 0;
        config = ServerLine().Replace(config, m => n < servicePorts.Count ? $"{m.Groups[1].Value}server {m.Groups[2].Value} 127.0.0.1:{servicePorts[n++]}\n" : string.Empty);

        var folder = Directory.CreateTempSubdirectory("eventbooking-haproxy-").FullName;
        var file = Path.Combine(folder, "haproxy.cfg");
        await File.WriteAllTextAsync(file, config);
        var process = Process.Start(new ProcessStartInfo(executable, $"-db -f {file}") { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var said = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => Remember(said, e.Data);
        process.ErrorDataReceived += (_, e) => Remember(said, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(process);
        var proxy = new HaproxyProcess(process, folder, port, said);
        await proxy.WaitUntilListeningAsync();
        return proxy;
    }

    public ValueTask DisposeAsync()
    {
        Stop(_process);
        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }

        return ValueTask.CompletedTask;
    }

    private async Task WaitUntilListeningAsync()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"haproxy exited with code {_process.ExitCode}: {string.Join('\n', _said)}");
            try
            {
                using var socket = new TcpClient();
                await socket.ConnectAsync("127.0.0.1", Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new TimeoutException("haproxy did not listen within 5 s.");
    }

    // The last lines HAProxy printed, for the error when it exits.
    private static void Remember(System.Collections.Concurrent.ConcurrentQueue<string> said, string? line)
    {
        if (line is null)
            return;
        said.Enqueue(line);
        while (said.Count > 20)
            said.TryDequeue(out _);
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill();
                process.WaitForExit(5_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static string ShippedConfig()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var config = Path.Combine(directory.FullName, "deploy", "haproxy.cfg");
            if (File.Exists(config))
                return config;
        }

        throw new FileNotFoundException("deploy/haproxy.cfg not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"bind 127\.0\.0\.1:\d+")]
    private static partial Regex Bind();

    [GeneratedRegex(@"server (\S+) 127\.0\.0\.1:\d+")]
    private static partial Regex Server();

    [GeneratedRegex(@"^([ \t]*)server (\S+) 127\.0\.0\.1:\d+[^\n]*\n", RegexOptions.Multiline)]
    private static partial Regex ServerLine();
}
