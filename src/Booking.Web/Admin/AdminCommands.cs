using System.CommandLine;
using Booking.Web.Hosting;
using EventStore;

namespace Booking.Web.Admin;

/// <summary>
/// Operator commands run from the service's own binary, against the store the service's configuration selects
/// (<c>dotnet run --project src/Booking.Web -- audit --all</c>). Exit code 0 means success (for audit: clean).
/// </summary>
public static class AdminCommands
{
    private static readonly string[] Names = ["migrate", "replay", "audit", "projections"];

    public static bool Handles(string[] args) => args.Length > 0 && Names.Contains(args[0], StringComparer.Ordinal);

    public static async Task<int> RunAsync(string[] args)
    {
        var settings = StoreSettings.From(LoadConfiguration());
        // Like the service at start-up, the commands bring the schema up to date first (EventStore:MigrateOnStartup).
        var store = new Lazy<IEventStore>(() =>
        {
            if (settings.MigrateOnStartup)
                StoreSetup.Migrate(settings);
            return StoreSetup.CreateStore(settings, TimeProvider.System);
        });
        var root = new RootCommand("EventBooking operator commands")
        {
            MigrateCommand.Create(settings),
            ReplayCommand.Create(store),
            AuditCommand.Create(store),
            ProjectionsCommand.Create(store),
        };
        return await root.Parse(args).InvokeAsync();
    }

    // The same sources as the service: appsettings.json, appsettings.<environment>.json, environment variables.
    private static IConfiguration LoadConfiguration()
    {
        var environment = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? "Production";
        return new ConfigurationBuilder()
            .SetBasePath(Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
    }
}
