using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Http.Bench.Service;

/// <summary>
/// One run of the service: <c>dotnet Booking.Web.dll</c> in Production on MySQL, rate limiting off, on a free port.
/// Its working directory is a temporary folder, so log files land there and not in the repository; its console goes
/// to a file there too (read back only when something fails).
/// </summary>
internal sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task _console;

    private ServiceProcess(Process process, Task console, string folder, int port, IReadOnlyDictionary<string, string> environment)
    {
        _process = process;
        _console = console;
        Folder = folder;
        Port = port;
        Environment = environment;
    }

    public int Pid => _process.Id;

    public int Port { get; }

    public string Folder { get; }

    /// <summary>The variables the service ran with: the audit runs with the same.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    public bool HasExited => _process.HasExited;

    public static ServiceProcess Start(ServiceBinary binary, ServiceSettings settings)
    {
        var port = FreePort();
        var folder = System.IO.Directory.CreateTempSubdirectory("eventbooking-http-bench-").FullName;
        var environment = settings.Environment(port);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(binary.Dll);
        foreach (var name in new[] { "ASPNETCORE_URLS", "URLS", "DOTNET_URLS", "ASPNETCORE_HTTP_PORTS" })
            start.Environment.Remove(name);
        foreach (var (key, value) in environment)
            start.Environment[key] = value;
        // appsettings.json (the Serilog sinks, the processing defaults) comes from the build output.
        start.Environment["ASPNETCORE_CONTENTROOT"] = binary.Directory;

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the service.");
        var log = File.Create(Path.Combine(folder, "console.log"));
        var console = Task.WhenAll(process.StandardOutput.BaseStream.CopyToAsync(log), process.StandardError.BaseStream.CopyToAsync(log))
            .ContinueWith(_ => log.Dispose(), TaskScheduler.Default);
        return new ServiceProcess(process, console, folder, port, environment);
    }

    /// <summary>The last lines the service wrote to its console, for an error message.</summary>
    public string ConsoleTail(int lines)
    {
        try
        {
            using var stream = new FileStream(Path.Combine(Folder, "console.log"), FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return ServiceBinary.Tail(reader.ReadToEnd(), lines);
        }
        catch (IOException e)
        {
            return e.Message;
        }
    }

    /// <summary>SIGTERM, as a process manager would send: the service drains its queues and exits.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
            return;
        await ServiceBinary.RunAsync("kill", ["-TERM", Pid.ToString(System.Globalization.CultureInfo.InvariantCulture)], Folder, null);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _console;
        _process.Dispose();
        try
        {
            System.IO.Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
