namespace EventStore.MySql;

public sealed partial class MySqlEventStore
{
    /// <summary>
    /// What a group commit did with its appends: wrote some of them (<see cref="Wrote"/>), or none
    /// (<see cref="WroteNothing"/>, and why). An append the group did not write is written alone afterwards, through the
    /// path that tells a conflict from a retry of what the group already committed.
    /// </summary>
    private abstract record GroupOutcome
    {
        private GroupOutcome()
        {
        }

        /// <summary>The result of the group's <paramref name="append"/>-th append, or null if the group did not write it.</summary>
        public abstract AppendResult? ResultOf(int append);

        /// <summary>The group committed the appends that have a result; the others were not at their expected version.</summary>
        public sealed record Wrote(AppendResult?[] Results) : GroupOutcome
        {
            public override AppendResult? ResultOf(int append) => Results[append];
        }

        /// <summary>The group wrote nothing: every append is written alone.</summary>
        public sealed record WroteNothing(NothingWritten Reason) : GroupOutcome
        {
            public override AppendResult? ResultOf(int append) => null;
        }
    }

    /// <summary>Why a group commit wrote none of its appends.</summary>
    private enum NothingWritten
    {
        /// <summary>The group was one append: it goes the usual one-round-trip way.</summary>
        OneAppend,

        /// <summary>
        /// A write failed, and neither a stale version that the locks can sort out nor a transient error explains it (a
        /// claim that exists, a stream created meanwhile by another process, a lost connection): it was rolled back, or
        /// its outcome is unknown.
        /// </summary>
        WriteFailed,

        /// <summary>
        /// The optimistic write found a version stale, or a row that must be new existing: it wrote nothing, and the
        /// versions are then read under lock (never the final outcome of a group).
        /// </summary>
        StaleVersion,

        /// <summary>Under lock, no append found its stream at the version it expected.</summary>
        NoneAtItsVersion,

        /// <summary>The group failed as a whole (transient errors past the retries, or anything unexpected).</summary>
        GroupFailed,
    }
}
