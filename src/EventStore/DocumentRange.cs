namespace EventStore;

/// <summary>
/// Which documents of a projection to list: ids starting with <paramref name="Prefix"/>, strictly after
/// <paramref name="After"/> (strictly before it when <paramref name="Descending"/>) in ordinal (binary) order, at most
/// <paramref name="MaxCount"/>, ordered by id.
/// </summary>
/// <param name="Prefix">What every listed id starts with, compared literally (no wildcards); empty for every id.</param>
/// <param name="After">The cursor: the last id of the previous page, or null to start at the first (or last) id.</param>
/// <param name="MaxCount">The most documents to return (0 or more).</param>
/// <param name="Descending">Whether to list from the highest id down.</param>
public sealed record DocumentRange(string Prefix, string? After, int MaxCount, bool Descending = false);

/// <summary>A listed document with its id.</summary>
/// <param name="Id">The document's id within the projection.</param>
/// <param name="Document">The deserialized document.</param>
/// <param name="StreamVersion">The version of the stream the document was written with.</param>
/// <param name="UpdatedAt">UTC time it was last written.</param>
public sealed record DocumentEntry<T>(string Id, T Document, long StreamVersion, DateTime UpdatedAt);
