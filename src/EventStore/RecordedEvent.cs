namespace EventStore;

/// <summary>An event as stored: the payload plus where and when it was recorded.</summary>
/// <param name="EventId">Globally unique id chosen by the writer.</param>
/// <param name="StreamId">The stream the event belongs to (case-sensitive).</param>
/// <param name="Version">Position within the stream, starting at 1, contiguous.</param>
/// <param name="Position">Position in the global order, increasing but not necessarily contiguous.</param>
/// <param name="EventType">The stable name the payload type is registered under.</param>
/// <param name="Data">The deserialized payload.</param>
/// <param name="RecordedAt">UTC time of the append, to the microsecond.</param>
/// <param name="CorrelationId">Correlation id given at append time, if any.</param>
/// <param name="CausationId">Causation id given at append time, if any.</param>
public sealed record RecordedEvent(
    Guid EventId,
    string StreamId,
    long Version,
    long Position,
    string EventType,
    object Data,
    DateTime RecordedAt,
    Guid? CorrelationId,
    Guid? CausationId);
