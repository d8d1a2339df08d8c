using System.CommandLine;
using Booking.Core.Projections;
using EventStore;
using EventStore.Sql;
using Spectre.Console;

namespace Booking.Web.Admin;

/// <summary>
/// <c>projections rebuild [--name all|status|seats] [--restart]</c>: rebuild a read model from the global order into the
/// shadow table and swap it in. Interrupting it is safe; running it again resumes the status rebuild from its
/// checkpoint (the seats rebuild starts over: it folds each ticketed event's whole state).
/// </summary>
internal static class ProjectionsCommand
{
    public static Command Create(Lazy<SqlEventStore> store)
    {
        var name = new Option<string>("--name") { Description = "The projection to rebuild.", DefaultValueFactory = _ => "all" };
        name.AcceptOnlyFromAmong("all", "status", "seats");
        var restart = new Option<bool>("--restart") { Description = "Start over instead of resuming an interrupted rebuild." };
        var rebuild = new Command("rebuild", "Rebuild a read model from the events and swap it in atomically.") { name, restart };
        rebuild.SetAction((parse, cancellationToken) => RebuildAsync(store.Value, store.Value, parse.GetValue(name)!, parse.GetValue(restart), cancellationToken));
        return new Command("projections", "Read-model maintenance.") { rebuild };
    }

    private static async Task<int> RebuildAsync(IEventReader events, IProjectionRebuilds rebuilds, string name, bool restart, CancellationToken cancellationToken)
    {
        (string Name, ProjectionRebuild Rebuild)[] all = [("status", new StatusRebuild(events, rebuilds)), ("seats", new SeatsRebuild(events, rebuilds))];
        foreach (var (projection, rebuild) in all.Where(r => name == "all" || r.Name == name))
            await RebuildOneAsync(projection, rebuild, restart, cancellationToken);
        return 0;
    }

    private static async Task RebuildOneAsync(string name, ProjectionRebuild rebuild, bool restart, CancellationToken cancellationToken)
    {
        var result = await AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(name, maxValue: 1);
                return await rebuild.RunAsync(restart, new Progress<ScanProgress>(p =>
                {
                    task.MaxValue = Math.Max(1, p.HeadPosition);
                    task.Value = p.Position;
                    task.Description = $"{name}: {p.EventsApplied:N0} events, {p.EventsPerSecond:N0}/s";
                }), cancellationToken);
            });
        AnsiConsole.MarkupLineInterpolated($"[green]Rebuilt {name}[/] from {result.EventsApplied:N0} events up to position {result.Position:N0} in {result.Elapsed.TotalSeconds:N1} s ({result.EventsPerSecond:N0} events/s); swapped in.");
    }
}
