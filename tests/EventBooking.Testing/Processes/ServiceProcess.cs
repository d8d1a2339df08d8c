using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace EventBooking.Testing.Processes;

/// <summary>
/// The built service (<c>dotnet Booking.Web.dll</c>) as a separate OS process on a fixed port, so that a test can
/// kill it (SIGKILL) or stop it (SIGTERM) and start it again where clients expect it. Its working directory is a
/// temporary folder, so log files land there and not in the repository; its console is appended to console.log
/// there across restarts (read back only when something fails). The content root is the dll's folder, so
/// appsettings.json comes from the build output.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private static readonly string[] InheritedUrls = ["ASPNETCORE_URLS", "URLS", "DOTNET_URLS", "ASPNETCORE_HTTP_PORTS"];

    private readonly string _dll;
    private readonly Dictionary<string, string> _environment;
    private readonly bool _consoleToFile;
    private Process _process;
    private Task _console;

    private ServiceProcess(string dll, Dictionary<string, string> environment, string folder, int port, bool consoleToFile)
    {
        _dll = dll;
        _environment = environment;
        _consoleToFile = consoleToFile;
        Folder = folder;
        Port = port;
        (_process, _console) = Launch();
        AppDomain.CurrentDomain.ProcessExit += KillAtExit;
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    public int Pid => _process.Id;

    public string Folder { get; }

    /// <summary>The variables the service runs with (PORT included): an operator command runs with the same.</summary>
    public IReadOnlyDictionary<string, string> Environment => _environment;

    public bool HasExited => _process.HasExited;

    /// <summary>Completes when the process has exited and all it wrote to its console is in console.log.</summary>
    public Task ConsoleClosed => _console;

    /// <summary>How many times the process was started (1 after <see cref="Start"/>).</summary>
    public int Starts { get; private set; } = 1;

    /// <summary>
    /// Starts <paramref name="dll"/> with <paramref name="environment"/> (the service's documented keys, <c>__</c> for
    /// <c>:</c>) on <paramref name="port"/>, or a free port; PORT is set here, inherited URL settings are removed. With
    /// <paramref name="consoleToFile"/> the console goes straight into console.log (a shell redirection, as
    /// <c>dotnet Booking.Web.dll &gt;&gt; console.log 2&gt;&amp;1</c>), read by no process: a load test then charges the
    /// console to the service alone, not to whoever would drain a pipe.
    /// </summary>
    public static ServiceProcess Start(string dll, IReadOnlyDictionary<string, string> environment, int? port = null, bool consoleToFile = false)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (!File.Exists(dll))
            throw new InvalidOperationException($"The service is not built: {dll} is missing (dotnet build -c Release src/Booking.Web).");
        var chosen = port ?? MariaDbServer.FreePort();
        var variables = new Dictionary<string, string>(environment, StringComparer.Ordinal) { ["PORT"] = chosen.ToString(CultureInfo.InvariantCulture) };
        var folder = Directory.CreateTempSubdirectory("eventbooking-service-").FullName;
        return new ServiceProcess(dll, variables, folder, chosen, consoleToFile);
    }

    /// <summary>
    /// Waits until the status route answers 404 for an unknown id with the configured Auth credentials: routing,
    /// authentication and the database all work.
    /// </summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var credentials = $"{_environment.GetValueOrDefault("Auth__Username")}:{_environment.GetValueOrDefault("Auth__Password")}";
        var admin = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The service exited (code {_process.ExitCode}) during start-up:\n{ConsoleTail(30)}");
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "/api/events/status/9000000000000");
                request.Headers.Authorization = admin;
                using var response = await client.SendAsync(request);
                if (response.StatusCode == HttpStatusCode.NotFound)
                    return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or still starting.
            }

            if (DateTime.UtcNow >= deadline)
                throw new InvalidOperationException($"The service did not become ready within {timeout.TotalSeconds:0} s:\n{ConsoleTail(30)}");
            await Task.Delay(100);
        }
    }

    /// <summary>True when the service answers its readiness check (see <see cref="WaitUntilReadyAsync"/>) right now.</summary>
    public async Task<bool> AnswersAsync()
    {
        if (_process.HasExited)
            return false;
        try
        {
            await WaitUntilReadyAsync(TimeSpan.Zero);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>kill -9: no shutdown, no draining; requests in progress lose their connection.</summary>
    public void Kill()
    {
        if (_process.HasExited)
            return;
        _process.Kill();
        _process.WaitForExit();
    }

    /// <summary>SIGTERM, as a process manager would send: the service drains its queues and exits (SIGKILL after 30 s).</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
            return;
        using (var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", Pid.ToString(CultureInfo.InvariantCulture)]))!)
            await kill.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
        }
    }

    /// <summary>Starts the service again on the same port with the same environment (killing it first if it still runs).</summary>
    public async Task RestartAsync()
    {
        Kill();
        await _console;
        _process.Dispose();
        (_process, _console) = Launch();
        Starts++;
    }

    /// <summary>The last lines the service wrote to its console, for an error message.</summary>
    public string ConsoleTail(int lines)
    {
        try
        {
            using var stream = new FileStream(Path.Combine(Folder, "console.log"), FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return string.Join('\n', reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(lines)).Trim();
        }
        catch (IOException e)
        {
            return e.Message;
        }
    }

    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= KillAtExit;
        await StopAsync();
        await _console;
        _process.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover temporary folder is harmless.
        }
    }

    private (Process Process, Task Console) Launch()
    {
        var start = new ProcessStartInfo(_consoleToFile ? "/bin/sh" : "dotnet")
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = !_consoleToFile,
            RedirectStandardError = !_consoleToFile,
        };
        if (_consoleToFile)
        {
            // exec: the process (and its pid) is dotnet's, the shell only sets up the redirection.
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add("exec dotnet \"$0\" >> console.log 2>&1");
        }

        start.ArgumentList.Add(_dll);
        foreach (var name in InheritedUrls)
            start.Environment.Remove(name);
        foreach (var (key, value) in _environment)
            start.Environment[key] = value;
        start.Environment["ASPNETCORE_CONTENTROOT"] = Path.GetDirectoryName(Path.GetFullPath(_dll));

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the service.");
        if (_consoleToFile)
            return (process, process.WaitForExitAsync());
        var log = new FileStream(Path.Combine(Folder, "console.log"), FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        var console = Task.WhenAll(process.StandardOutput.BaseStream.CopyToAsync(log), process.StandardError.BaseStream.CopyToAsync(log))
            .ContinueWith(_ => log.Dispose(), TaskScheduler.Default);
        return (process, console);
    }

    private void KillAtExit(object? sender, EventArgs e)
    {
        try
        {
            Kill();
        }
        catch (InvalidOperationException)
        {
            // Best effort at process exit.
        }
    }
}
