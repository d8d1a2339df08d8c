namespace EventStore;

/// <summary>What the store knows about a stream without reading its events.</summary>
/// <param name="StreamId">The stream's id.</param>
/// <param name="Version">The version of its last event.</param>
/// <param name="CreatedAt">UTC time of the first append.</param>
/// <param name="UpdatedAt">UTC time of the last append.</param>
public sealed record StreamMetadata(string StreamId, long Version, DateTime CreatedAt, DateTime UpdatedAt);
