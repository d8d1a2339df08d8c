using System.CommandLine;
using Booking.Web.Hosting;
using Booking.Web.Hosting.Settings;
using EventStore;
using EventStore.Sql;

namespace Booking.Web.Admin;

/// <summary>
/// Operator commands run from the service's own binary, against the store the service's configuration selects
/// (<c>dotnet run --project src/Booking.Web -- audit --all</c>). Exit code 0 means success (for audit: clean).
/// </summary>
public static class AdminCommands
{
    private static readonly string[] Names = ["migrate", "replay", "audit", "projections", "subscriptions"];
    private static readonly string[] Help = ["help", "--help", "-h", "-?", "/?"];

    /// <summary>An operator command or a request for help: anything else (no arguments, host settings) runs the service.</summary>
    public static bool Handles(string[] args) => args.Length > 0 && (Names.Contains(args[0], StringComparer.Ordinal) || Help.Contains(args[0], StringComparer.Ordinal));

    /// <summary>Runs the command; a configuration error ends it with one line on stderr and exit code 2, as the service does.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        if (Help.Contains(args[0], StringComparer.Ordinal))
            return await Root(new Lazy<StoreSettings>(() => throw new InvalidOperationException("help reads no settings"))).Parse(["--help"]).InvokeAsync();
        try
        {
            ServiceHost.EnterAppFolder(args);
            var settings = StoreSettings.From(LoadConfiguration());
            return await Root(new Lazy<StoreSettings>(settings)).Parse(args).InvokeAsync();
        }
        catch (Exception e) when (ConfigurationErrors.Describe(e) is { } line)
        {
            await Console.Error.WriteLineAsync(line);
            return ConfigurationErrors.ExitCode;
        }
    }

    private static RootCommand Root(Lazy<StoreSettings> configured)
    {
        // Like the service at start-up, the commands bring the schema up to date first (EventStore:MigrateOnStartup).
        var store = new Lazy<SqlEventStore>(() =>
        {
            var settings = configured.Value;
            if (settings.MigrateOnStartup)
                StoreSetup.Migrate(settings);
            return StoreSetup.CreateStore(settings, TimeProvider.System);
        });
        var events = new Lazy<IEventStore>(() => store.Value);
        return new RootCommand(Description)
        {
            MigrateCommand.Create(configured),
            ReplayCommand.Create(events),
            AuditCommand.Create(events),
            ProjectionsCommand.Create(store),
            SubscriptionsCommand.Create(events, configured),
        };
    }

    private const string Description = """
        EventBooking: ticket booking service and its operator commands.

        Without a command, runs the HTTP service on PORT (default 3000; or ASPNETCORE_URLS / --urls), configured by
        appsettings.json and appsettings.<environment>.json in the application's folder and by environment variables
        (Section__Key). A configuration error stops it with one line naming the key, exit code 2.
        The commands below use the same settings and store. Exit code 0 = success.
        """;

    // The same sources as the service: appsettings.json, appsettings.<environment>.json, environment variables.
    private static IConfiguration LoadConfiguration()
    {
        var environment = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? "Production";
        return new ConfigurationBuilder()
            .SetBasePath(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT") ?? Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT") ?? AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
    }
}
