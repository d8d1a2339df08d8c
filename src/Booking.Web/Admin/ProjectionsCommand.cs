using System.CommandLine;
using Booking.Core.Projections;
using EventStore;
using Spectre.Console;

namespace Booking.Web.Admin;

/// <summary>
/// <c>projections rebuild [--name status] [--restart]</c>: rebuild a read model from the global order into the
/// shadow table and swap it in. Interrupting it is safe; running it again resumes from the checkpoint.
/// </summary>
internal static class ProjectionsCommand
{
    public static Command Create(Lazy<IEventStore> store)
    {
        var name = new Option<string>("--name") { Description = "The projection to rebuild.", DefaultValueFactory = _ => "status" };
        name.AcceptOnlyFromAmong("status");
        var restart = new Option<bool>("--restart") { Description = "Start over instead of resuming an interrupted rebuild." };
        var rebuild = new Command("rebuild", "Rebuild a read model from the events and swap it in atomically.") { name, restart };
        rebuild.SetAction((parse, cancellationToken) => RebuildAsync(store.Value, parse.GetValue(restart), cancellationToken));
        return new Command("projections", "Read-model maintenance.") { rebuild };
    }

    private static async Task<int> RebuildAsync(IEventStore store, bool restart, CancellationToken cancellationToken)
    {
        var rebuild = new StatusRebuild(store, (IProjectionRebuilds)store);
        var result = await AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("status", maxValue: 1);
                return await rebuild.RunAsync(restart, new Progress<ScanProgress>(p =>
                {
                    task.MaxValue = Math.Max(1, p.HeadPosition);
                    task.Value = p.Position;
                    task.Description = $"status: {p.EventsApplied:N0} events, {p.EventsPerSecond:N0}/s";
                }), cancellationToken);
            });
        AnsiConsole.MarkupLineInterpolated($"[green]Rebuilt status[/] from {result.EventsApplied:N0} events up to position {result.Position:N0} in {result.Elapsed.TotalSeconds:N1} s ({result.EventsPerSecond:N0} events/s); swapped in.");
        return 0;
    }
}
