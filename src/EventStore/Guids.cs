namespace EventStore;

/// <summary>Guids are stored as 16 bytes in RFC 9562 (big-endian) order, so UUID v7 ids sort by time in the index.</summary>
internal static class Guids
{
    public static byte[] ToBytes(Guid id) => id.ToByteArray(bigEndian: true);

    public static byte[]? ToBytes(Guid? id) => id is { } value ? ToBytes(value) : null;

    public static Guid FromBytes(byte[] bytes) => new(bytes, bigEndian: true);
}
