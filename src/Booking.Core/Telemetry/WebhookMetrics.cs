using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Booking.Core.Telemetry;

/// <summary>
/// The webhook instruments, on the "EventBooking" meter (a second meter of that name: the SDK merges them, and it is
/// never disposed either, see <see cref="BookingMetrics"/>): deliveries by outcome, retries, failing subscriptions,
/// and each subscription's lag on the node that delivers it.
/// </summary>
public sealed class WebhookMetrics
{
    private static readonly Meter ProcessMeter = new(BookingMetrics.MeterName);

    /// <summary>The process's instruments.</summary>
    public static readonly WebhookMetrics Shared = new();

    private static readonly KeyValuePair<string, object?>[] Delivered = [new("outcome", "delivered")];
    private static readonly KeyValuePair<string, object?>[] Failed = [new("outcome", "failed")];

    private readonly ConcurrentDictionary<string, long> _lag = new(StringComparer.Ordinal);
    private readonly Counter<long> _deliveries;
    private readonly Counter<long> _retries;
    private long _failing;

    private WebhookMetrics()
    {
        _deliveries = ProcessMeter.CreateCounter<long>("eventbooking.webhook.deliveries", "{delivery}",
            "Webhook deliveries by outcome: delivered (a 2xx) or failed (every attempt failed; the subscription stops).");
        _retries = ProcessMeter.CreateCounter<long>("eventbooking.webhook.retries", "{attempt}", "Webhook attempts that failed and were tried again.");
        ProcessMeter.CreateObservableGauge("eventbooking.webhook.subscriptions.failing", () => Interlocked.Read(ref _failing), "{subscription}",
            "Webhook subscriptions marked failing (stopped until a replay), as this node last listed them.");
        ProcessMeter.CreateObservableGauge("eventbooking.webhook.lag", ObserveLag, "{position}",
            "Global positions from a subscription's checkpoint to the log's head, per subscription this node delivers.");
    }

    public void Delivery(bool delivered) => _deliveries.Add(1, delivered ? Delivered : Failed);

    public void Retry() => _retries.Add(1);

    public void Failing(long subscriptions) => Interlocked.Exchange(ref _failing, subscriptions);

    public void Lag(string subscription, long positions) => _lag[subscription] = positions;

    public void Forget(string subscription) => _lag.TryRemove(subscription, out _);

    private IEnumerable<Measurement<long>> ObserveLag() =>
        _lag.Select(pair => new Measurement<long>(pair.Value, new KeyValuePair<string, object?>("subscription", pair.Key)));
}
