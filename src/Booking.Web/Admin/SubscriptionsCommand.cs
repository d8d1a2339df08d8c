using System.CommandLine;
using System.Globalization;
using Booking.Web.Hosting;
using Booking.Web.Webhooks;
using EventStore;
using EventStore.Subscriptions;
using Spectre.Console;

namespace Booking.Web.Admin;

/// <summary>
/// <c>subscriptions list</c> and <c>subscriptions replay &lt;id&gt; --from-position P</c>: the webhook subscriptions,
/// their checkpoints and status; a replay moves the checkpoint and resumes a failing one (as the HTTP replay does).
/// </summary>
internal static class SubscriptionsCommand
{
    public static Command Create(Lazy<IEventStore> store, Lazy<StoreSettings> settings)
    {
        // The event store first: it brings the schema up to date (EventStore:MigrateOnStartup).
        var subscriptions = new Lazy<(IEventStore Events, ISubscriptionStore Subscriptions)>(() => (store.Value, WebhookSetup.CreateStore(settings.Value)));

        var list = new Command("list", "List the webhook subscriptions: url, status, checkpoint, lag, last error.");
        list.SetAction((_, cancellationToken) => ListAsync(subscriptions.Value, cancellationToken));

        var id = new Argument<string>("id") { Description = "The subscription's id (wh_...)." };
        var from = new Option<long>("--from-position") { Description = "The global position to deliver from again.", Required = true };
        var replay = new Command("replay", "Deliver a subscription again from a global position; resumes a failing subscription.") { id, from };
        replay.Validators.Add(result =>
        {
            if (result.GetValue(from) < 1)
                result.AddError("--from-position is a whole number of 1 or more.");
        });
        replay.SetAction((parse, cancellationToken) => ReplayAsync(subscriptions.Value.Subscriptions, parse.GetValue(id)!, parse.GetValue(from), cancellationToken));

        return new Command("subscriptions", "Webhook subscriptions on the event log.") { list, replay };
    }

    private static async Task<int> ListAsync((IEventStore Events, ISubscriptionStore Subscriptions) stores, CancellationToken cancellationToken)
    {
        var head = await stores.Events.ReadHeadPositionAsync(cancellationToken);
        var table = new Table().AddColumns("id", "url", "status", "position", "lag", "lease owner", "last error");
        foreach (var state in await stores.Subscriptions.ListAsync(cancellationToken))
        {
            if (!WebhooksApi.IsWebhookId(state.Id))
                continue;
            var webhook = WebhooksApi.ToResponse(state, head);
            table.AddRow(
                Markup.Escape(webhook.Id), Markup.Escape(webhook.Url), webhook.Status, webhook.Position.ToString(CultureInfo.InvariantCulture),
                webhook.Lag.ToString(CultureInfo.InvariantCulture), Markup.Escape(webhook.LeaseOwner ?? string.Empty), Markup.Escape(webhook.LastError ?? string.Empty));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated($"log head: position {head}");
        return 0;
    }

    private static async Task<int> ReplayAsync(ISubscriptionStore subscriptions, string id, long position, CancellationToken cancellationToken)
    {
        if (!WebhooksApi.IsWebhookId(id) || !await subscriptions.ReplayAsync(id, position, cancellationToken))
        {
            AnsiConsole.MarkupLineInterpolated($"[red]No webhook subscription has id {id}.[/]");
            return 1;
        }

        AnsiConsole.MarkupLineInterpolated($"Subscription {id} delivers again from position {position} (status active).");
        return 0;
    }
}
