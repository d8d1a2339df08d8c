namespace EventStore;

/// <summary>
/// The version a stream must be at for an append to succeed. Stream versions count events:
/// the first event of a stream has version 1, so a stream that does not exist is at version 0.
/// </summary>
public readonly record struct ExpectedVersion
{
    private const long AnyValue = -1;
    private const long StreamExistsValue = -2;

    private ExpectedVersion(long value) => Value = value;

    /// <summary>The raw value: a version (0 = no stream), or a negative marker for <see cref="Any"/> and <see cref="StreamExists"/>.</summary>
    public long Value { get; }

    /// <summary>Append whatever the stream's version is, creating the stream if needed.</summary>
    public static ExpectedVersion Any { get; } = new(AnyValue);

    /// <summary>The stream must not exist yet.</summary>
    public static ExpectedVersion NoStream { get; } = new(0);

    /// <summary>The stream must exist, at any version.</summary>
    public static ExpectedVersion StreamExists { get; } = new(StreamExistsValue);

    /// <summary>The stream must be exactly at <paramref name="version"/> (0 means it must not exist).</summary>
    public static ExpectedVersion Exactly(long version) =>
        version >= 0 ? new(version) : throw new ArgumentOutOfRangeException(nameof(version), version, "A stream version is never negative.");

    /// <summary>Whether a stream currently at <paramref name="actualVersion"/> satisfies this expectation.</summary>
    public bool IsSatisfiedBy(long actualVersion) => Value switch
    {
        AnyValue => true,
        StreamExistsValue => actualVersion > 0,
        _ => Value == actualVersion,
    };

    public override string ToString() => Value switch
    {
        AnyValue => "any",
        StreamExistsValue => "stream exists",
        0 => "no stream",
        _ => Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
