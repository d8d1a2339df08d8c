namespace EventStore;

/// <summary>Writes read-model documents without any event, under the stream's expected version.</summary>
public interface IDocumentWriter
{
    /// <summary>
    /// Writes <paramref name="documents"/> without any event, in one transaction, if <paramref name="streamId"/> is at
    /// <paramref name="expected"/> (checked under the stream's lock, as an append would): for documents that record
    /// a decision which changed nothing, such as the stored answer to a refused request. They carry the stream's
    /// current version.
    /// </summary>
    /// <exception cref="WrongExpectedVersionException">
    /// The stream was at another version, or a document marked <see cref="ProjectionDocument.MustBeNew"/> exists
    /// already; nothing was written.
    /// </exception>
    Task SaveDocumentsAsync(
        string streamId,
        ExpectedVersion expected,
        IReadOnlyList<ProjectionDocument> documents,
        CancellationToken cancellationToken = default);
}
