using System.Diagnostics;
using Booking.Core.Telemetry;
using EventStore.Subscriptions;

namespace Booking.Web.Webhooks;

internal sealed partial class SubscriptionWorker
{
    // The share of a lease the holder uses: the rest covers the renewal's round trip, a paused process and the
    // database nodes' clocks, so the holder has stopped before the database could let another node take over.
    private const double SafeShare = 0.8;

    private TimeSpan SafeRemaining(long startedAt) =>
        options.LeaseDuration * SafeShare - Stopwatch.GetElapsedTime(startedAt) is var left && left > TimeSpan.Zero ? left : TimeSpan.FromTicks(1);

    /// <summary>Renews until <paramref name="leased"/> is cancelled; cancels it when the lease is lost or replaced.</summary>
    private async Task RenewAsync(CancellationTokenSource leased)
    {
        var token = leased.Token;
        while (!token.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.LeaseDuration / 4, token);
                var started = Stopwatch.GetTimestamp();
                var renewed = await subscriptions.TryTakeLeaseAsync(Id, lease.Owner, options.LeaseDuration, token);
                if (renewed is null || renewed.Generation != lease.Generation || renewed.State.Status != SubscriptionStatus.Active)
                {
                    await leased.CancelAsync();
                    return;
                }

                leased.CancelAfter(SafeRemaining(started));
                var head = await events.ReadHeadPositionAsync(token);
                WebhookMetrics.Shared.Lag(Id, Math.Max(0, head + 1 - Checkpoint));
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is System.Data.Common.DbException or TimeoutException)
            {
                // The database did not answer: try again; if it stays away, the local deadline stops delivery.
                LogRenewFailed(e, Id);
            }
        }
    }

    [LoggerMessage(LogLevel.Information, "Webhook subscription {Subscription}: delivering as {Owner} from position {Position}")]
    private partial void LogStarted(string subscription, string owner, long position);

    [LoggerMessage(LogLevel.Warning, "Webhook subscription {Subscription}: lease lost by {Owner} (expired, taken, replayed or deleted); delivery stopped")]
    private partial void LogLeaseLost(string subscription, string owner);

    [LoggerMessage(LogLevel.Error, "Webhook subscription {Subscription} is failing and stopped until a replay: {Reason}")]
    private partial void LogFailing(string subscription, string reason);

    [LoggerMessage(LogLevel.Warning, "Webhook subscription {Subscription}: renewing the lease failed")]
    private partial void LogRenewFailed(Exception error, string subscription);

    [LoggerMessage(LogLevel.Warning, "Webhook subscription {Subscription}: delivery stopped by an error; it resumes from its checkpoint")]
    private partial void LogStopped(Exception error, string subscription);

    [LoggerMessage(LogLevel.Warning, "Webhook subscription {Subscription}: writing the last checkpoint or releasing the lease failed")]
    private partial void LogHandOverFailed(Exception error, string subscription);
}
