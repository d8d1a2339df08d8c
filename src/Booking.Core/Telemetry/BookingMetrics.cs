using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Booking.Core.TicketedEvents;

namespace Booking.Core.Telemetry;

/// <summary>
/// The domain's instruments, on the "EventBooking" meter: the processors record here without knowing who listens
/// (the web host exports them with OpenTelemetry). Recording is a counter add with a tag array built once: nothing is
/// allocated per command, and with no listener an add costs a branch.
/// </summary>
/// <remarks>
/// One meter per process, never disposed: the SDK merges same-named instruments of same-named meters into one stream,
/// and a disposed one would end that stream for all (so a second host in the process, as in the tests, would reset
/// the counters). The gauges sum over every live <see cref="Processing.BookingProcessors"/> of the process.
/// </remarks>
public sealed class BookingMetrics
{
    public const string MeterName = "EventBooking";

    // Before Shared: static fields are initialized in order, and Shared's constructor needs the meter.
    private static readonly Meter ProcessMeter = new(MeterName);

    /// <summary>The process's instruments.</summary>
    public static readonly BookingMetrics Shared = new();

    private readonly ConcurrentDictionary<IProcessorGauges, byte> _observed = new();
    private readonly Counter<long> _commands;
    private readonly Counter<long> _promotions;
    private readonly Counter<long> _replays;
    private readonly Counter<long> _conflicts;
    private readonly Counter<long> _retries;
    private readonly Histogram<int> _batchSize;
    private readonly Histogram<int> _eventsPerCommit;
    private readonly Histogram<double> _appendDuration;

    private BookingMetrics()
    {
        _commands = ProcessMeter.CreateCounter<long>("eventbooking.commands", "{command}", "Commands decided (or refused before deciding), by command and outcome; refusals carry their reason.");
        _promotions = ProcessMeter.CreateCounter<long>("eventbooking.waitlist.promotions", "{promotion}", "Waiting users promoted to a booking, by a cancellation or a capacity raise.");
        _replays = ProcessMeter.CreateCounter<long>("eventbooking.idempotency.replays", "{request}", "Requests answered with the stored answer of their Idempotency-Key; nothing ran.");
        _conflicts = ProcessMeter.CreateCounter<long>("eventbooking.append.conflicts", "{conflict}", "Appends refused because another writer moved the stream on; the batch is decided again.");
        _retries = ProcessMeter.CreateCounter<long>("eventbooking.append.retries", "{retry}", "Appends that failed and were tried again with the same event ids.");
        _batchSize = ProcessMeter.CreateHistogram("eventbooking.processor.batch.size", "{command}", "Commands a processor decided together in one batch.",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000] });
        _eventsPerCommit = ProcessMeter.CreateHistogram("eventbooking.append.events", "{event}", "Events written by one committed append.",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000] });
        _appendDuration = ProcessMeter.CreateHistogram("eventbooking.append.duration", "s", "Time one append attempt (events, documents and answers in one transaction) took.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] });
        ProcessMeter.CreateObservableGauge("eventbooking.processor.queued", () => _observed.Keys.Sum(p => p.QueuedCommands), "{command}", "Commands waiting in the processors' queues.");
        ProcessMeter.CreateObservableGauge("eventbooking.processors.live", () => _observed.Keys.Sum(p => p.LiveProcessors), "{processor}", "Ticketed events with a processor in memory.");
    }

    public void Decided(TicketedEventCommand command, Decision decision)
    {
        if (!_commands.Enabled && !_promotions.Enabled)
            return;
        if (decision.IsRejected)
        {
            _commands.Add(1, CommandTags.Refused(command, decision.Rejection.Reason));
            return;
        }

        var promotions = 0;
        foreach (var @event in decision.Events)
        {
            if (@event is WaitlistPromoted)
                promotions++;
        }

        if (decision.Events.Count > 0)
            _commands.Add(1, CommandTags.Accepted(command, decision.Events[0]));
        if (promotions > 0)
            _promotions.Add(promotions);
    }

    public void Unavailable(TicketedEventCommand command) => _commands.Add(1, CommandTags.Unavailable(command));

    public void Replayed() => _replays.Add(1);

    public void Conflict() => _conflicts.Add(1);

    public void Retry() => _retries.Add(1);

    public void Batch(int commands) => _batchSize.Record(commands);

    public void Committed(int events) => _eventsPerCommit.Record(events);

    public void Appended(long startedAt) => _appendDuration.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds);

    /// <summary>Counts <paramref name="processors"/> in the gauges until <see cref="Forget"/>.</summary>
    public void Observe(IProcessorGauges processors) => _observed.TryAdd(processors, 0);

    public void Forget(IProcessorGauges processors) => _observed.TryRemove(processors, out _);
}

/// <summary>What the gauges read from a set of processors.</summary>
public interface IProcessorGauges
{
    long QueuedCommands { get; }

    int LiveProcessors { get; }
}
