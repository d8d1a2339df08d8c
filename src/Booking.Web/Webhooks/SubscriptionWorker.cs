using System.Diagnostics;
using System.Threading.Channels;
using Booking.Core.Telemetry;
using EventStore;
using EventStore.Subscriptions;

namespace Booking.Web.Webhooks;

/// <summary>
/// Delivers one subscription while this node holds its lease.
/// </summary>
/// <remarks>
/// Ordering: the log is read in global order, a page at a time, from the checkpoint; the events of one ticketed event
/// (one stream) go out one at a time in version order, different ticketed events in parallel (at most
/// <see cref="WebhookOptions.MaxParallelDeliveries"/>). Back-pressure: at most <see cref="WebhookOptions.MaxLookAhead"/>
/// events read and not yet delivered, so a ticketed event whose receiver keeps failing holds itself and lets the others
/// run that far ahead, no further. Checkpoint: the lowest position not yet delivered (every event below it was
/// delivered or filtered out), written at most every <see cref="WebhookOptions.CheckpointInterval"/> and fenced by the
/// lease: a write that matches nothing means the lease is gone (expired, taken, replayed, deleted) and delivery stops at
/// once. Lease: renewed every quarter of its duration; without a renewal the worker stops by itself at 80 % of it by
/// the local monotonic clock, before the database could hand it to another node. Failure: an event that fails every
/// attempt marks the subscription failing at the checkpoint and stops it until a replay. Shutdown: in-flight
/// deliveries are cancelled (they are repeated later: at least once), the checkpoint written, the lease released.
/// </remarks>
internal sealed partial class SubscriptionWorker(
    SubscriptionLease lease, long leaseStarted, WebhookDefinition definition, IEventStore events, ISubscriptionStore subscriptions,
    WebhookSender sender, EventTypeMap types, WebhookOptions options, ILogger logger)
{
    private readonly SortedSet<long> _pending = [];
    private readonly Dictionary<string, Queue<RecordedEvent>> _queues = new(StringComparer.Ordinal);
    private readonly HashSet<string> _busy = new(StringComparer.Ordinal);
    private readonly Channel<Completion> _completions = Channel.CreateUnbounded<Completion>(new UnboundedChannelOptions { SingleReader = true });
    private readonly List<Task> _inFlight = [];
    private long _readFrom = lease.State.Position;
    private long _stored = lease.State.Position;
    private long _storedAt = Stopwatch.GetTimestamp();

    private string Id => lease.SubscriptionId;

    private long Checkpoint => _pending.Count > 0 ? _pending.Min : _readFrom;

    public async Task RunAsync(CancellationToken stopping)
    {
        using var leased = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        leased.CancelAfter(SafeRemaining(leaseStarted));
        var renewing = RenewAsync(leased);
        var lost = false;
        try
        {
            LogStarted(Id, lease.Owner, _readFrom);
            lost = !await DeliverAsync(leased.Token);
        }
        catch (OperationCanceledException) when (leased.IsCancellationRequested)
        {
            lost = !stopping.IsCancellationRequested;
        }
        catch (Exception e) when (e is System.Data.Common.DbException or TimeoutException or InvalidOperationException)
        {
            LogStopped(e, Id);
        }
        finally
        {
            await leased.CancelAsync();
            await renewing;
            await Task.WhenAll(_inFlight).ContinueWith(_ => { }, TaskScheduler.Default);
            WebhookMetrics.Shared.Forget(Id);
        }

        if (lost)
        {
            LogLeaseLost(Id, lease.Owner);
            return;
        }

        await HandOverAsync();
    }

    // A clean stop keeps what was delivered and lets another node go on at once; both are fenced, so a lease lost
    // meanwhile changes nothing.
    private async Task HandOverAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            DrainCompletions();
            if (Checkpoint != _stored)
                await subscriptions.CheckpointAsync(lease, Checkpoint, timeout.Token);
            await subscriptions.ReleaseLeaseAsync(lease, timeout.Token);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or OperationCanceledException or TimeoutException)
        {
            LogHandOverFailed(e, Id);
        }
    }

    /// <summary>False when the lease turned out lost; true when the subscription stopped as failing.</summary>
    private async Task<bool> DeliverAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var room = Math.Min(options.PageSize, options.MaxLookAhead - _pending.Count);
            var more = false;
            if (room > 0)
            {
                var page = await events.ReadAllAsync(_readFrom, room, cancellationToken);
                foreach (var recorded in page)
                {
                    _readFrom = recorded.Position + 1;
                    if (!definition.Matches(recorded))
                        continue;
                    _pending.Add(recorded.Position);
                    if (!_queues.TryGetValue(recorded.StreamId, out var queue))
                        _queues[recorded.StreamId] = queue = new Queue<RecordedEvent>();
                    queue.Enqueue(recorded);
                }

                more = page.Count == room;
            }

            StartReady(cancellationToken);
            if (!more || _busy.Count >= options.MaxParallelDeliveries)
                await WaitForCompletionAsync(cancellationToken);
            if (DrainCompletions() is { } failure)
                return await FailAsync(failure, cancellationToken);
            if (!await CheckpointIfDueAsync(cancellationToken))
                return false;
        }
    }

    private void StartReady(CancellationToken cancellationToken)
    {
        foreach (var (stream, queue) in _queues)
        {
            if (_busy.Count >= options.MaxParallelDeliveries)
                return;
            if (queue.Count == 0 || _busy.Contains(stream))
                continue;
            _busy.Add(stream);
            var recorded = queue.Peek();
            _inFlight.Add(DeliverOneAsync(recorded, cancellationToken));
        }
    }

    private async Task DeliverOneAsync(RecordedEvent recorded, CancellationToken cancellationToken)
    {
        string? error;
        try
        {
            error = await sender.SendAsync(definition, lease.Owner, WebhookMessage.IdOf(recorded), WebhookMessage.Body(recorded, types), cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or System.Text.Json.JsonException or UriFormatException)
        {
            // The event could not be sent at all (its data would not serialize, the URL is refused): a delivery
            // failure like any other, so that the ticketed event is not held silently.
            error = $"POST {definition.Url} could not be sent: {e.Message}";
        }

        WebhookMetrics.Shared.Delivery(error is null);
        await _completions.Writer.WriteAsync(new Completion(recorded, error), CancellationToken.None);
    }

    private async Task WaitForCompletionAsync(CancellationToken cancellationToken)
    {
        using var poll = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        poll.CancelAfter(_busy.Count > 0 ? options.CheckpointInterval : options.PollInterval);
        try
        {
            await _completions.Reader.WaitToReadAsync(poll.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Time to read the log again, or to write the checkpoint.
        }
    }

    /// <summary>Takes every finished delivery in; the first that failed for good, if any.</summary>
    private Completion? DrainCompletions()
    {
        Completion? failure = null;
        while (_completions.Reader.TryRead(out var done))
        {
            _busy.Remove(done.Event.StreamId);
            if (done.Error is not null)
            {
                failure ??= done;
                continue;
            }

            _queues[done.Event.StreamId].Dequeue();
            if (_queues[done.Event.StreamId].Count == 0)
                _queues.Remove(done.Event.StreamId);
            _pending.Remove(done.Event.Position);
        }

        _inFlight.RemoveAll(t => t.IsCompleted);
        return failure;
    }

    private async Task<bool> CheckpointIfDueAsync(CancellationToken cancellationToken)
    {
        var checkpoint = Checkpoint;
        if (checkpoint == _stored || Stopwatch.GetElapsedTime(_storedAt) < options.CheckpointInterval)
            return true;
        if (!await subscriptions.CheckpointAsync(lease, checkpoint, cancellationToken))
            return false;
        (_stored, _storedAt) = (checkpoint, Stopwatch.GetTimestamp());
        return true;
    }

    private async Task<bool> FailAsync(Completion failure, CancellationToken cancellationToken)
    {
        var reason = $"Event {WebhookMessage.IdOf(failure.Event)} (position {failure.Event.Position}, {failure.Event.EventType}): "
            + $"{failure.Error} after {options.MaxAttempts} attempt(s).";
        if (!await subscriptions.MarkFailingAsync(lease, Checkpoint, reason, cancellationToken))
            return false;
        _stored = Checkpoint;
        LogFailing(Id, reason);
        return true;
    }

    private readonly record struct Completion(RecordedEvent Event, string? Error);
}
