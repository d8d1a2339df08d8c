namespace EventStore;

/// <summary>Reads stored events: one stream in version order, or every stream in the global order.</summary>
public interface IEventReader
{
    /// <summary>Reads up to <paramref name="maxCount"/> events of a stream, from <paramref name="fromVersion"/> on, in version order.</summary>
    Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(
        string streamId,
        long fromVersion = 1,
        int maxCount = int.MaxValue,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads up to <paramref name="maxCount"/> events of all streams in global order, from <paramref name="fromPosition"/> on.
    /// Never skips an event that commits late: it returns only events below the safe high-water mark, waiting for
    /// appends in flight below it to commit or roll back. Positions may have gaps (rolled-back appends).
    /// </summary>
    Task<IReadOnlyList<RecordedEvent>> ReadAllAsync(
        long fromPosition,
        int maxCount,
        CancellationToken cancellationToken = default);

    /// <summary>The highest global position committed so far (0 for an empty store); gaps below it are possible.</summary>
    Task<long> ReadHeadPositionAsync(CancellationToken cancellationToken = default);
}
