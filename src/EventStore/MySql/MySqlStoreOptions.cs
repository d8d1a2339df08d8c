namespace EventStore.MySql;

/// <summary>
/// Tuning of the MySQL store: the server's topology (docs/adr/0009-galera-cluster.md) and group commit
/// (docs/adr/0008-group-commit-across-streams.md).
/// </summary>
public sealed record MySqlStoreOptions
{
    /// <summary>
    /// Whether the server is a node of a Galera cluster; <see cref="MySqlTopology.Detect"/> (the default) asks it
    /// (<c>wsrep_on</c>) when the store first connects.
    /// </summary>
    public MySqlTopology Topology { get; set; } = MySqlTopology.Detect;

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

    /// <summary>
    /// How long the appends keep their connection between transactions instead of returning it to the pool, whose reset
    /// of a connection taken from it costs a round trip per append (docs/adr/0008-group-commit-across-streams.md).
    /// <see cref="TimeSpan.Zero"/> returns it after every transaction.
    /// </summary>
    public TimeSpan KeepCommitConnectionFor { get; set; } = TimeSpan.FromSeconds(1);

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxAppendsPerCommit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxEventsPerCommit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConcurrentCommits, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxEventsPerGroupedAppend, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(KeepCommitConnectionFor, TimeSpan.Zero);
        if (!Enum.IsDefined(Topology))
            throw new ArgumentOutOfRangeException(nameof(Topology), Topology, "Detect, SingleServer or Galera.");
    }
}

/// <summary>What the MySQL store writes to, which decides how it sends a transaction (docs/adr/0009-galera-cluster.md).</summary>
public enum MySqlTopology
{
    /// <summary>Ask the server when the store first connects: a Galera node has <c>wsrep_on = ON</c>.</summary>
    Detect,

    /// <summary>One MySQL or MariaDB server: a transaction goes in one round trip.</summary>
    SingleServer,

    /// <summary>
    /// A node of a MariaDB Galera cluster: one statement per round trip (an abort by the cluster then always surfaces
    /// as an error), and causal reads (<c>wsrep_sync_wait = 1</c>) on every connection.
    /// </summary>
    Galera,
}
