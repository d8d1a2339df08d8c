using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Booking.Core.TicketedEvents;
using Booking.Web.Api;
using EventStore;
using Spectre.Console;

namespace Booking.Web.Admin;

/// <summary><c>replay &lt;eventId&gt; [--to-version N | --at time] [--json]</c>: the timeline of one ticketed event and the state it folds to.</summary>
internal static class ReplayCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    public static Command Create(Lazy<IEventStore> store)
    {
        var eventId = new Argument<long>("eventId") { Description = "The ticketed event's id." };
        var toVersion = new Option<long?>("--to-version") { Description = "Replay up to and including this version." };
        var at = new Option<DateTimeOffset?>("--at") { Description = "Replay the events recorded up to this UTC time." };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of tables." };
        var command = new Command("replay", "Print the event timeline of one ticketed event and the state after it.") { eventId, toVersion, at, json };
        command.Validators.Add(result =>
        {
            if (result.GetValue(toVersion) is not null && result.GetValue(at) is not null)
                result.AddError("Give --to-version or --at, not both.");
            if (result.GetValue(eventId) <= 0)
                result.AddError("An event id is a whole number of 1 or more.");
        });
        command.SetAction((parse, cancellationToken) => RunAsync(
            store.Value, new TicketedEventId(parse.GetValue(eventId)), parse.GetValue(toVersion), parse.GetValue(at), parse.GetValue(json), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(IEventReader store, TicketedEventId id, long? toVersion, DateTimeOffset? at, bool json, CancellationToken cancellationToken)
    {
        // Like the HTTP asOf: the longest run from version 1 within the bounds, so a clock that stepped back can
        // never fold a later event without an earlier one.
        var events = (await store.ReadStreamAsync(id.StreamId, cancellationToken: cancellationToken))
            .TakeWhile(e => (toVersion is null || e.Version <= toVersion) && (at is null || e.RecordedAt <= at.Value.UtcDateTime))
            .ToList();
        if (events.Count == 0)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]No events for {id.Value}[/] (unknown id, or nothing recorded by then).");
            return 1;
        }

        var state = TicketedEventState.Fold(events.Select(e => e.TicketedEvent()));
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                eventId = id.Value,
                events = events.Select(HistoryApi.ToEntry),
                state = new { state.Name, state.TotalTickets, state.Available, state.SalesOpen, booked = state.Booked.Select(u => u.Value).Order(), waiting = state.WaitingInOrder.Select(u => u.Value) },
            }, Json));
            return 0;
        }

        var timeline = new Table().AddColumns("version", "recorded at (UTC)", "type", "user");
        foreach (var e in events)
            timeline.AddRow(e.Version.ToString(CultureInfo.InvariantCulture), e.RecordedAt.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture), e.EventType, HistoryApi.ToEntry(e).UserId?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
        AnsiConsole.Write(timeline);
        AnsiConsole.MarkupLineInterpolated($"[bold]{state.Name}[/] at version {state.Version}: {state.Available}/{state.TotalTickets} available, {state.BookedCount} booked, {state.WaitingCount} waiting, sales {(state.SalesOpen ? "open" : "closed")}");
        AnsiConsole.MarkupLineInterpolated($"booked:  {string.Join(", ", state.Booked.Select(u => u.Value).Order())}");
        AnsiConsole.MarkupLineInterpolated($"waiting: {string.Join(", ", state.WaitingInOrder.Select(u => u.Value))}");
        return 0;
    }
}
