namespace EventStore;

/// <summary>
/// How a deleted document is stored: a row whose data is the JSON literal <c>null</c>. A row, so that it keeps the
/// stream version it was deleted at and a rebuild's catch-up (WriteIfNewer) compares against it as against any
/// document; the literal rather than a nullable column, so that the documents tables (and the rebuild's table swap,
/// which copies rows with SELECT *) keep their shape and no migration has to rebuild a SQLite table. No document the
/// store writes serializes to <c>null</c>: a null document is the tombstone.
/// </summary>
internal static class Tombstone
{
    public const string Json = "null";

    /// <summary>The SQL condition that leaves tombstones out (the same text for both providers).</summary>
    public const string Excluded = "data <> 'null'";
}
