namespace EventStore;

/// <summary>
/// An append with its payloads already serialized and its time fixed, so retries of the same append
/// write exactly the same rows.
/// </summary>
internal sealed record PreparedAppend(string StreamId, IReadOnlyList<PreparedEvent> Events, IReadOnlyList<PreparedDocument> Documents, DateTime RecordedAt)
{
    public const int MaxStreamIdLength = 250;

    public static PreparedAppend Create(
        string streamId, IReadOnlyList<NewEvent> events, IReadOnlyList<ProjectionDocument>? documents, EventTypeMap types, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        ArgumentNullException.ThrowIfNull(events);
        if (streamId.Length > MaxStreamIdLength)
            throw new ArgumentException($"A stream id is at most {MaxStreamIdLength} characters.", nameof(streamId));
        if (events.Count == 0)
            throw new ArgumentException("An append needs at least one event.", nameof(events));

        var prepared = new PreparedEvent[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            var json = types.Serialize(e.Data, out var typeName);
            prepared[i] = new PreparedEvent(e.EventId, typeName, json, e.CorrelationId, e.CausationId);
        }

        return new PreparedAppend(streamId, prepared, PreparedDocument.All(documents, types), Now(time));
    }

    public AppendResult ResultAfter(long previousVersion, long firstPosition)
    {
        var positions = new long[Events.Count];
        for (var i = 0; i < positions.Length; i++)
            positions[i] = firstPosition + i;
        return new AppendResult(previousVersion + Events.Count, positions);
    }

    /// <summary>The current UTC time at the stores' precision (microseconds).</summary>
    public static DateTime Now(TimeProvider time)
    {
        var utc = time.GetUtcNow().UtcDateTime;
        return new(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);
    }
}

internal sealed record PreparedEvent(Guid EventId, string Type, string Json, Guid? CorrelationId, Guid? CausationId);

internal sealed record PreparedDocument(string Projection, string Id, string Json, bool MustBeNew)
{
    public static PreparedDocument[] All(IReadOnlyList<ProjectionDocument>? documents, EventTypeMap types) =>
        documents?.Select(d => Prepare(d, types)).ToArray() ?? [];

    // A claim is an insert that must find no row; a tombstone deletes, and as a claim would mean nothing useful.
    private static PreparedDocument Prepare(ProjectionDocument document, EventTypeMap types) =>
        document.MustBeNew && document.Document is null
            ? throw new ArgumentException($"Document '{document.Id}' of '{document.Projection}' is a tombstone: it cannot be MustBeNew.", nameof(document))
            : new PreparedDocument(document.Projection, document.Id, types.SerializeDocument(document.Document), document.MustBeNew);
}

/// <summary>An append with the stream version it was checked against: its events take the versions after it.</summary>
internal readonly record struct VersionedAppend(PreparedAppend Append, long PreviousVersion)
{
    public long NewVersion => PreviousVersion + Append.Events.Count;
}
