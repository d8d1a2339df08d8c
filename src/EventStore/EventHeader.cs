namespace EventStore;

/// <summary>
/// What a projection folds of one stored event: where it sits and its type, with the payload only when the
/// projection asked for that type (see <see cref="IProjectionRebuilds.ReadAllHeadersAsync"/>).
/// </summary>
/// <param name="Position">Position in the global order.</param>
/// <param name="StreamId">The stream the event belongs to.</param>
/// <param name="Version">Position within the stream.</param>
/// <param name="EventType">The stable name the payload type is registered under.</param>
/// <param name="Data">The deserialized payload, or null when its type was not among those asked for.</param>
public sealed record EventHeader(long Position, string StreamId, long Version, string EventType, object? Data);
