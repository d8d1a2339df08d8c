namespace EventStore;

/// <summary>
/// The store's one concurrency exception: the stream was not at the expected version, so nothing was appended.
/// </summary>
public sealed class WrongExpectedVersionException : Exception
{
    public WrongExpectedVersionException(string streamId, ExpectedVersion expected, long actualVersion, Exception? inner = null)
        : base($"Stream '{streamId}' was expected at {expected} but is at version {actualVersion}.", inner)
    {
        StreamId = streamId;
        Expected = expected;
        ActualVersion = actualVersion;
    }

    public WrongExpectedVersionException()
        : this(string.Empty, ExpectedVersion.Any, 0)
    {
    }

    public WrongExpectedVersionException(string message)
        : base(message) => StreamId = string.Empty;

    public WrongExpectedVersionException(string message, Exception innerException)
        : base(message, innerException) => StreamId = string.Empty;

    /// <summary>The stream the append targeted.</summary>
    public string StreamId { get; }

    /// <summary>What the writer expected.</summary>
    public ExpectedVersion Expected { get; }

    /// <summary>The stream's actual version when the append was refused (0: the stream does not exist).</summary>
    public long ActualVersion { get; }
}
