namespace EventStore;

/// <summary>What the store knows of a stream without reading its events: its metadata, and whether it is at a version.</summary>
public interface IStreamVersions
{
    /// <summary>The stream's metadata, or null if it does not exist.</summary>
    Task<StreamMetadata?> GetStreamAsync(string streamId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Whether <paramref name="streamId"/> is at exactly <paramref name="version"/> (0: it does not exist), checked so
    /// that the answer is ordered with every append: for a decision that appends nothing and rests on that version.
    /// On one server a read; on a Galera cluster, where a read can be a write behind, a write that fails certification
    /// against an append another node committed first (retried until it sees it).
    /// </summary>
    Task<bool> ConfirmVersionAsync(string streamId, long version, CancellationToken cancellationToken = default);
}
