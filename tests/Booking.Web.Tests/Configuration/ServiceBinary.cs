using System.Diagnostics;
using System.Reflection;

namespace Booking.Web.Tests.Configuration;

/// <summary>
/// <c>dotnet Booking.Web.dll</c> (the build output of the same configuration) run as an operator would: from a working
/// directory of the test's choice, with no content root given, and only the environment named here from the
/// service's keys (inherited ASPNETCORE_*/DOTNET_* settings and URLs are removed).
/// </summary>
internal static class ServiceBinary
{
    public static string Dll { get; } = typeof(ServiceBinary).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "ServiceDll").Value!;

    public static string Folder => Path.GetDirectoryName(Dll)!;

    public sealed record Run(int ExitCode, string Output, string Error)
    {
        public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>Runs to its end (killed after <paramref name="timeout"/>, which fails the test).</summary>
    public static async Task<Run> RunAsync(IReadOnlyDictionary<string, string> environment, string workingDirectory, TimeSpan timeout, params string[] args)
    {
        using var process = Process.Start(StartInfo(environment, workingDirectory, args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet Booking.Web.dll {string.Join(' ', args)} did not exit within {timeout.TotalSeconds:0} s: {await output}");
        }

        return new(process.ExitCode, await output, await error);
    }

    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string> environment, string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Dll);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.StartsWith("DOTNET_", StringComparison.Ordinal) || k is "URLS" or "PORT").ToList())
            start.Environment.Remove(name);
        foreach (var (key, value) in environment)
            start.Environment[key] = value;
        return start;
    }
}
