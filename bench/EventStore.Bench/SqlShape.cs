namespace EventStore.Bench;

/// <summary>
/// How a batch of rows is written with hand-written SQL. <see cref="Raw"/> is the physical ceiling the store is
/// measured against. The ladder adds, one step at a time, what the store's append does on top of a plain INSERT,
/// so that the gap between the two can be put down to its parts.
/// </summary>
/// <param name="Name">How the report names the shape.</param>
/// <param name="HoldConnection">Keep one open connection per writer instead of taking one from the pool per batch.</param>
/// <param name="Transaction">Wrap the writes in an explicit READ COMMITTED transaction, as the store does.</param>
/// <param name="StreamRow">Insert or update the stream's row in that transaction, as the store does.</param>
/// <param name="NamedLock">Wrap the events INSERT in GET_LOCK / SELECT LAST_INSERT_ID() / RELEASE_LOCK, as the store does.</param>
/// <param name="LockStreamFirst">Lock the stream row in a first round trip (SELECT ... FOR UPDATE), as the store does.</param>
internal sealed record SqlShape(string Name, bool HoldConnection, bool Transaction, bool StreamRow, bool NamedLock, bool LockStreamFirst)
{
    public static SqlShape Raw { get; } = new("raw INSERT, autocommit", false, false, false, false, false);

    public static SqlShape RawHeldConnection { get; } = new("raw INSERT, connection held open", true, false, false, false, false);

    public static SqlShape InTransaction { get; } = new("raw INSERT in START TRANSACTION ... COMMIT", false, true, false, false, false);

    public static SqlShape WithStreamRow { get; } = new("+ stream row UPDATE", false, true, true, false, false);

    public static SqlShape WithNamedLock { get; } = new("+ GET_LOCK, LAST_INSERT_ID, RELEASE_LOCK", false, true, true, true, false);

    public static SqlShape StoreShaped { get; } = new("+ SELECT ... FOR UPDATE first (store's SQL)", false, true, true, true, true);

    public static SqlShape StoreShapedHeld { get; } = new("store's SQL, connection held open", true, true, true, true, true);

    public static SqlShape OneRoundTripHeld { get; } = new("store's write command only, connection held open", true, true, true, true, false);

    /// <summary>
    /// The diagnostic steps from <see cref="Raw"/> to the store, in order, then two what-ifs: the store's SQL without
    /// the pool's reset round trip, and its write command alone (lock check folded in) without it.
    /// </summary>
    public static IReadOnlyList<SqlShape> Ladder { get; } =
        [RawHeldConnection, InTransaction, WithStreamRow, WithNamedLock, StoreShaped, StoreShapedHeld, OneRoundTripHeld];
}
