using System.CommandLine;
using Booking.Web.Hosting;
using Spectre.Console;

namespace Booking.Web.Admin;

/// <summary>
/// Operator commands run from the service's own binary, against the store the service's configuration selects:
/// <c>dotnet run --project src/Booking.Web -- migrate</c>.
/// </summary>
public static class AdminCommands
{
    private static readonly string[] Names = ["migrate"];

    public static bool Handles(string[] args) => args.Length > 0 && Names.Contains(args[0], StringComparer.Ordinal);

    public static async Task<int> RunAsync(string[] args)
    {
        var environment = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? "Production";
        var configuration = new ConfigurationBuilder()
            .SetBasePath(Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddEnvironmentVariables()
            .Build();

        var migrate = new Command("migrate", "Apply pending schema migrations and print what ran.");
        migrate.SetAction(_ => Migrate(StoreSettings.From(configuration)));

        var root = new RootCommand("EventBooking operator commands") { migrate };
        return await root.Parse(args).InvokeAsync();
    }

    private static int Migrate(StoreSettings settings)
    {
        AnsiConsole.MarkupLineInterpolated($"Migrating [bold]{settings.Describe()}[/]");
        var applied = StoreSetup.Migrate(settings);
        foreach (var migration in applied)
            AnsiConsole.MarkupLineInterpolated($"  applied [green]{migration}[/]");
        AnsiConsole.MarkupLine(applied.Count == 0 ? "Up to date: nothing to apply." : $"{applied.Count} migration(s) applied.");
        return 0;
    }
}
