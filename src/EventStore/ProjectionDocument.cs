namespace EventStore;

/// <summary>
/// A read-model document written in the same transaction as an append (an inline projection),
/// so the read model is never behind or ahead of the events it was built from.
/// </summary>
/// <param name="Projection">The projection's name, such as "status".</param>
/// <param name="Id">The document's id within the projection (case-sensitive).</param>
/// <param name="Document">
/// The document, serialized with the map's JSON options; null for a tombstone (see <see cref="Delete"/>).
/// </param>
/// <param name="MustBeNew">
/// When true the document is a claim: it is inserted, never replaced, and if a document with its id already exists
/// the whole write is refused with <see cref="WrongExpectedVersionException"/> and nothing is written (an idempotency
/// key, say, that another writer stored first). A tombstone holds its id too, so a claim on a deleted id is refused.
/// When false (the default) the document is upserted. A tombstone cannot be a claim (<see cref="ArgumentException"/>).
/// </param>
public sealed record ProjectionDocument(string Projection, string Id, object? Document, bool MustBeNew = false)
{
    /// <summary>
    /// A tombstone: the document is deleted. It is stored as a row with the stream version it was written with, so
    /// that a rebuild's catch-up (<see cref="IProjectionRebuilds.WriteIfNewerAsync"/>) never brings back an older
    /// version; loading it answers null and listings skip it.
    /// </summary>
    public static ProjectionDocument Delete(string projection, string id) => new(projection, id, null);
}

/// <summary>A stored read-model document.</summary>
/// <param name="Document">The deserialized document.</param>
/// <param name="StreamVersion">The version of the stream the document was written with.</param>
/// <param name="UpdatedAt">UTC time it was last written.</param>
public sealed record StoredDocument<T>(T Document, long StreamVersion, DateTime UpdatedAt);
