namespace EventStore;

/// <summary>The outcome of a successful append.</summary>
/// <param name="StreamVersion">The stream's version after the append (the version of its last event).</param>
/// <param name="Positions">The global position of each appended event, in append order.</param>
public sealed record AppendResult(long StreamVersion, IReadOnlyList<long> Positions);
