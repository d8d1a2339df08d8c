using System.Reflection;
using EventBooking.Testing.Processes;
using MySqlConnector;

namespace Booking.Reliability.Tests.Service;

/// <summary>The built Booking.Web as a separate process: Production, MySQL, rate limiting off, basic auth set.</summary>
internal static class BookingService
{
    public const string Username = "reliability";
    public const string Password = "not-the-default-password";

    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    /// <summary>Booking.Web.dll of the same configuration as these tests (the project reference builds it first).</summary>
    public static string Dll { get; } = typeof(BookingService).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "ServiceDll").Value!;

    public static Dictionary<string, string> Environment(string connectionString)
    {
        // The service's pool stays at MySqlConnector's defaults: only the server and database are chosen here.
        var store = new MySqlConnectionStringBuilder(connectionString);
        store.Remove("Maximum Pool Size");
        store.Remove("Pooling");
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["EventStore__Provider"] = "MySql",
            ["ConnectionStrings__EventStore"] = store.ConnectionString,
            ["Auth__Username"] = Username,
            ["Auth__Password"] = Password,
            ["RateLimiting__Enabled"] = "false",
            ["Serilog__MinimumLevel__Default"] = "Warning",
        };
    }

    public static async Task<ServiceProcess> StartAsync(string connectionString)
    {
        var service = ServiceProcess.Start(Dll, Environment(connectionString));
        try
        {
            await service.WaitUntilReadyAsync(StartTimeout);
            return service;
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }
    }

    /// <summary><c>dotnet Booking.Web.dll audit --all</c> with the service's environment: the exit code and the last lines.</summary>
    public static async Task<(int ExitCode, string Output)> AuditAllAsync(IReadOnlyDictionary<string, string> environment)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(Dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Dll);
        start.ArgumentList.Add("audit");
        start.ArgumentList.Add("--all");
        foreach (var (key, value) in environment)
            start.Environment[key] = value;
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var lines = (await output + await error).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return (process.ExitCode, string.Join('\n', lines.TakeLast(5)));
    }
}
