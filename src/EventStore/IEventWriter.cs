namespace EventStore;

/// <summary>Appends events to a stream, at an expected version.</summary>
public interface IEventWriter
{
    /// <summary>
    /// Appends <paramref name="events"/> to <paramref name="streamId"/> in one transaction, together with
    /// <paramref name="documents"/>, if the stream is at <paramref name="expected"/>. Re-sending an append whose
    /// event ids are already stored at those positions returns the original result.
    /// </summary>
    /// <exception cref="WrongExpectedVersionException">
    /// The stream was at another version, or a document marked <see cref="ProjectionDocument.MustBeNew"/> exists
    /// already; nothing was written.
    /// </exception>
    Task<AppendResult> AppendAsync(
        string streamId,
        ExpectedVersion expected,
        IReadOnlyList<NewEvent> events,
        IReadOnlyList<ProjectionDocument>? documents = null,
        CancellationToken cancellationToken = default);
}
