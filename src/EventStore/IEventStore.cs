namespace EventStore;

/// <summary>
/// An append-only store of event streams, with a global order across streams and inline read-model documents: every
/// surface a command processor needs. A caller that needs less takes the narrower interface (<see cref="IEventReader"/>,
/// <see cref="IEventWriter"/>, <see cref="IStreamVersions"/>, <see cref="IDocumentReader"/>, <see cref="IDocumentWriter"/>);
/// projection rebuilds and sequences are <see cref="IProjectionRebuilds"/> and <see cref="ISequenceNumbers"/>.
/// </summary>
public interface IEventStore : IEventReader, IEventWriter, IStreamVersions, IDocumentReader, IDocumentWriter;
