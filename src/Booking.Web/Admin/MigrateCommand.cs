using System.CommandLine;
using Booking.Web.Hosting;
using Spectre.Console;

namespace Booking.Web.Admin;

/// <summary><c>migrate</c>: apply pending migrations and print what ran.</summary>
internal static class MigrateCommand
{
    public static Command Create(Lazy<StoreSettings> configured)
    {
        var command = new Command("migrate", "Apply pending schema migrations and print what ran.");
        command.SetAction(_ =>
        {
            var settings = configured.Value;
            AnsiConsole.MarkupLineInterpolated($"Migrating [bold]{settings.Describe()}[/]");
            var applied = StoreSetup.Migrate(settings);
            foreach (var migration in applied)
                AnsiConsole.MarkupLineInterpolated($"  applied [green]{migration}[/]");
            AnsiConsole.MarkupLine(applied.Count == 0 ? "Up to date: nothing to apply." : $"{applied.Count} migration(s) applied.");
            return 0;
        });
        return command;
    }
}
