using System.CommandLine;
using System.Globalization;
using Booking.Core.Auditing;
using Booking.Core.TicketedEvents;
using EventStore;
using Spectre.Console;

namespace Booking.Web.Admin;

/// <summary><c>audit [&lt;eventId&gt; | --all]</c>: fold streams and check every rule at every version. Exit code 0 only when clean.</summary>
internal static class AuditCommand
{
    public static Command Create(Lazy<IEventStore> store)
    {
        var eventId = new Argument<long?>("eventId") { Description = "Audit one ticketed event.", Arity = ArgumentArity.ZeroOrOne };
        var all = new Option<bool>("--all") { Description = "Audit every ticketed event (reads the global order once)." };
        var command = new Command("audit", "Check the invariants of ticketed event streams; exit code 0 only when clean.") { eventId, all };
        command.Validators.Add(result =>
        {
            if ((result.GetValue(eventId) is null) == !result.GetValue(all))
                result.AddError("Give an event id or --all.");
            if (result.GetValue(eventId) is <= 0)
                result.AddError("An event id is a whole number of 1 or more.");
        });
        command.SetAction((parse, cancellationToken) => parse.GetValue(eventId) is { } id
            ? AuditOneAsync(new StoreAudit(store.Value), new TicketedEventId(id), cancellationToken)
            : AuditAllAsync(new StoreAudit(store.Value), cancellationToken));
        return command;
    }

    private static async Task<int> AuditOneAsync(StoreAudit audit, TicketedEventId id, CancellationToken cancellationToken) =>
        Report(1, await audit.AuditAsync(id, cancellationToken));

    private static async Task<int> AuditAllAsync(StoreAudit audit, CancellationToken cancellationToken)
    {
        var result = await AnsiConsole.Progress().Columns(new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("auditing", maxValue: 1);
                return await audit.AuditAllAsync(new Progress<Booking.Core.Projections.ScanProgress>(p =>
                {
                    task.MaxValue = Math.Max(1, p.HeadPosition);
                    task.Value = p.Position;
                    task.Description = $"auditing {p.EventsApplied:N0} events, {p.EventsPerSecond:N0}/s";
                }), cancellationToken);
            });
        AnsiConsole.MarkupLineInterpolated($"{result.Progress.EventsApplied:N0} events in {result.Progress.Elapsed.TotalSeconds:N1} s ({result.Progress.EventsPerSecond:N0} events/s)");
        return Report(result.Streams, result.Violations);
    }

    private static int Report(int streams, IReadOnlyList<AuditViolation> violations)
    {
        if (violations.Count == 0)
        {
            AnsiConsole.MarkupLineInterpolated($"[green]Clean[/]: {streams} stream(s), no violations.");
            return 0;
        }

        var table = new Table().AddColumns("stream", "version", "rule", "detail");
        foreach (var v in violations)
            table.AddRow(Markup.Escape(v.StreamId), v.Version.ToString(CultureInfo.InvariantCulture), v.Rule.ToString(), Markup.Escape(v.Detail));
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated($"[red]{violations.Count} violation(s)[/] in {violations.Select(v => v.StreamId).Distinct().Count()} of {streams} stream(s).");
        return 1;
    }
}
