using System.Diagnostics;
using System.Text.Json;
using Booking.Core.Telemetry;
using Booking.Web.Hosting;
using EventStore;
using EventStore.Subscriptions;
using Microsoft.Extensions.Options;

namespace Booking.Web.Webhooks;

/// <summary>
/// Every <see cref="WebhookOptions.PollInterval"/>, lists the subscriptions and tries to take the lease of each active
/// one this node does not deliver yet; each lease taken runs a <see cref="SubscriptionWorker"/> until it ends. Runs
/// beside the booking path and never touches the processors: it only reads the log and writes the subscriptions' rows.
/// </summary>
internal sealed partial class WebhookDispatcher(
    IEventStore events, ISubscriptionStore subscriptions, WebhookSender sender, WebhookEventTypes types, StoreReadiness readiness,
    IOptions<WebhookOptions> configured, ILogger<WebhookDispatcher> logger)
    : BackgroundService
{
    private readonly WebhookOptions _options = configured.Value;
    private readonly Dictionary<string, Task> _running = new(StringComparer.Ordinal);

    /// <summary>The lease owner's name of this node.</summary>
    public string NodeId { get; } = configured.Value.ResolveNodeId();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
            return;
        try
        {
            await readiness.Migrated.WaitAsync(stoppingToken);
            LogNode(NodeId);
            while (!stoppingToken.IsCancellationRequested)
            {
                await PollOnceAsync(stoppingToken);
                await Task.Delay(_options.PollInterval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the workers see the same token.
        }
        finally
        {
            await Task.WhenAll(_running.Values);
        }
    }

    private async Task PollOnceAsync(CancellationToken stoppingToken)
    {
        foreach (var done in _running.Where(r => r.Value.IsCompleted).Select(r => r.Key).ToList())
            _running.Remove(done);
        try
        {
            var all = await subscriptions.ListAsync(stoppingToken);
            WebhookMetrics.Shared.Failing(all.Count(s => s.Status == SubscriptionStatus.Failing));
            foreach (var subscription in all.Where(s => s.Status == SubscriptionStatus.Active && !_running.ContainsKey(s.Id)))
            {
                var started = Stopwatch.GetTimestamp();
                if (await subscriptions.TryTakeLeaseAsync(subscription.Id, NodeId, _options.LeaseDuration, stoppingToken) is not { } lease
                    || lease.State.Status != SubscriptionStatus.Active)
                    continue;
                _running[subscription.Id] = Task.Run(() => RunAsync(lease, started, stoppingToken), CancellationToken.None);
            }
        }
        catch (Exception e) when (e is System.Data.Common.DbException or TimeoutException)
        {
            LogPollFailed(e);
        }
    }

    private async Task RunAsync(SubscriptionLease lease, long started, CancellationToken stoppingToken)
    {
        WebhookDefinition definition;
        try
        {
            definition = WebhookDefinition.FromJson(lease.State.Definition);
        }
        catch (JsonException e)
        {
            await subscriptions.MarkFailingAsync(lease, lease.State.Position, $"The stored definition is not valid: {e.Message}", stoppingToken);
            return;
        }

        await new SubscriptionWorker(lease, started, definition, events, subscriptions, sender, types.Map, _options, logger).RunAsync(stoppingToken);
    }

    [LoggerMessage(LogLevel.Information, "Webhooks: this node delivers as {Node}")]
    private partial void LogNode(string node);

    [LoggerMessage(LogLevel.Warning, "Webhooks: listing or leasing subscriptions failed; trying again")]
    private partial void LogPollFailed(Exception error);
}
