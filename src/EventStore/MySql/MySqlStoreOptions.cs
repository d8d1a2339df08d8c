namespace EventStore.MySql;

/// <summary>Tuning of the MySQL store's group commit (see docs/adr/0008-group-commit-across-streams.md).</summary>
public sealed record MySqlStoreOptions
{
    /// <summary>
    /// Most appends with an exact expected version that one transaction writes together. Appends that arrive while
    /// <see cref="MaxConcurrentCommits"/> commits are in flight wait and are written together in the next. 1 writes
    /// every append in its own transaction.
    /// </summary>
    public int MaxAppendsPerCommit { get; set; } = 256;

    /// <summary>Most events in one group commit.</summary>
    public int MaxEventsPerCommit { get; set; } = 10_000;

    /// <summary>
    /// An append with more events than this is a batch already: it is written at once in its own transaction, in
    /// parallel with the group commits, so that large appends are not written one after the other.
    /// </summary>
    public int MaxEventsPerGroupedAppend { get; set; } = 50;

    /// <summary>Group commits in flight at once from this store instance.</summary>
    public int MaxConcurrentCommits { get; set; } = 1;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxAppendsPerCommit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxEventsPerCommit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConcurrentCommits, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxEventsPerGroupedAppend, 1);
    }
}
