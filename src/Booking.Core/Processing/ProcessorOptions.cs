namespace Booking.Core.Processing;

/// <summary>Tuning of the per-ticketed-event command processors (configuration section "Processing").</summary>
public sealed class ProcessorOptions
{
    public const string Section = "Processing";

    /// <summary>Commands that may wait in one ticketed event's queue; beyond that callers are told to retry later.</summary>
    public int QueueCapacity { get; set; } = 20_000;

    /// <summary>Most commands decided together and written in one append. 1 switches batching off.</summary>
    public int MaxBatchSize { get; set; } = 1_000;

    /// <summary>A processor with nothing to do for this long stops and frees its memory.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long shutdown waits for queued commands to be written before answering them "unavailable".</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>At start-up, load the processors of this many most recently active ticketed events.</summary>
    public int WarmUpCount { get; set; } = 100;

    /// <summary>Attempts of one append when the store fails (same event ids, so a retry cannot write twice).</summary>
    public int MaxAppendAttempts { get; set; } = 3;

    /// <summary>Re-decisions of one batch after another process appended to the same stream.</summary>
    public int MaxConflictRetries { get; set; } = 10;

    /// <summary>What is wrong, naming the configuration key (section "Processing"); null when usable.</summary>
    public string? Problem() =>
        QueueCapacity < 1 ? AtLeast(nameof(QueueCapacity), 1, QueueCapacity)
        : MaxBatchSize < 1 ? AtLeast(nameof(MaxBatchSize), 1, MaxBatchSize)
        : IdleTimeout <= TimeSpan.Zero ? $"{Section}:{nameof(IdleTimeout)} must be a duration above zero as hh:mm:ss, e.g. 00:05:00, not {IdleTimeout}."
        : ShutdownTimeout < TimeSpan.Zero ? $"{Section}:{nameof(ShutdownTimeout)} must be a duration of zero or more as hh:mm:ss, e.g. 00:00:15, not {ShutdownTimeout}."
        : WarmUpCount < 0 ? AtLeast(nameof(WarmUpCount), 0, WarmUpCount)
        : MaxAppendAttempts < 1 ? AtLeast(nameof(MaxAppendAttempts), 1, MaxAppendAttempts)
        : MaxConflictRetries < 0 ? AtLeast(nameof(MaxConflictRetries), 0, MaxConflictRetries)
        : null;

    private static string AtLeast(string key, int minimum, int value) =>
        $"{Section}:{key} must be a whole number of at least {minimum}, not {value}.";
}
