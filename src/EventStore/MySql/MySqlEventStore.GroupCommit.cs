using System.Collections.Concurrent;
using MySqlConnector;

namespace EventStore.MySql;

// Group commit (docs/adr/0008-group-commit-across-streams.md). Appends with an exact expected version are queued; at
// most MaxConcurrentCommits committers drain the queue, and each writes what it took in one transaction:
// - one append: the usual one-round-trip conditional append (nothing changes for a lone writer);
// - several: one round trip that writes them all with one statement per kind of row, every expected version checked
//   by the UPDATE of the stream rows (appends to one stream in queue order). If a version was stale, roll back, lock
//   the stream rows (SELECT ... FOR UPDATE), keep the appends whose versions match and write those.
// Only accepted appends are answered from the group. Every other append, and every append of a group that failed
// (a claim that exists, a stream created meanwhile by another process, a lost connection), is written alone
// afterwards through the usual path, which tells a conflict from a retry of what the group already committed. So
// the group changes how many appends share a commit, never what an append's caller is told.
public sealed partial class MySqlEventStore
{
    private readonly ConcurrentQueue<PendingAppend> _pending = new();
    private int _committers;
    private long _groupCommits;
    private long _groupedAppends;

    /// <summary>Transactions that wrote more than one append, and the appends they wrote (for tests and diagnostics).</summary>
    internal (long Commits, long Appends) GroupCommits => (Interlocked.Read(ref _groupCommits), Interlocked.Read(ref _groupedAppends));

    private Task<AppendResult> EnqueueAsync(PreparedAppend append, long expectedVersion, CancellationToken cancellationToken)
    {
        var pending = new PendingAppend(append, expectedVersion, cancellationToken);
        _pending.Enqueue(pending);
        if (TryStartCommitter())
            _ = CommitPendingAsync();
        return pending.Result;
    }

    private bool TryStartCommitter()
    {
        while (true)
        {
            var running = Volatile.Read(ref _committers);
            if (running >= _options.MaxConcurrentCommits)
                return false;
            if (Interlocked.CompareExchange(ref _committers, running + 1, running) == running)
                return true;
        }
    }

    // A committer stops only when it finds the queue empty, and looks again after stopping: an append queued while it
    // stopped either sees the free slot itself or is seen here.
    private async Task CommitPendingAsync()
    {
        while (true)
        {
            var group = TakeGroup();
            if (group.Count == 0)
            {
                Interlocked.Decrement(ref _committers);
                if (_pending.IsEmpty || !TryStartCommitter())
                    return;
                continue;
            }

            try
            {
                await CommitAsync(group).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                // Not expected (CommitAsync answers every append itself), but a committer must never stop with its
                // slot taken or leave an appender waiting.
                foreach (var pending in group)
                    pending.Fail(e);
            }
        }
    }

    private List<PendingAppend> TakeGroup()
    {
        var group = new List<PendingAppend>();
        var events = 0;
        while (group.Count < _options.MaxAppendsPerCommit && events < _options.MaxEventsPerCommit && _pending.TryDequeue(out var pending))
        {
            if (pending.CancellationToken.IsCancellationRequested)
            {
                pending.Cancel();
                continue;
            }

            group.Add(pending);
            events += pending.Append.Events.Count;
        }

        return group;
    }

    private async Task CommitAsync(List<PendingAppend> group)
    {
        var outcome = group.Count == 1 ? new GroupOutcome.WroteNothing(NothingWritten.OneAppend) : await TryCommitGroupAsync(group).ConfigureAwait(false);
        for (var i = 0; i < group.Count; i++)
        {
            if (outcome.ResultOf(i) is { } result)
                group[i].Complete(result);
        }

        // Appends to one stream stay in queue order; different streams go alone in parallel.
        var alone = group.Where((_, i) => outcome.ResultOf(i) is null)
            .GroupBy(p => p.Append.StreamId, StringComparer.Ordinal)
            .Select(async appends =>
            {
                foreach (var pending in appends)
                    await AppendAloneAsync(pending).ConfigureAwait(false);
            });
        await Task.WhenAll(alone).ConfigureAwait(false);
    }

    private async Task<GroupOutcome> TryCommitGroupAsync(List<PendingAppend> group)
    {
        try
        {
            return await MySqlErrors.RetryTransientAsync(() => CommitGroupOnceAsync(group), () => IsGalera == true, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Whatever happened, each append written alone tells its caller what became of it.
            return new GroupOutcome.WroteNothing(NothingWritten.GroupFailed);
        }
    }

    private async Task AppendAloneAsync(PendingAppend pending)
    {
        try
        {
            pending.Complete(await AppendAloneAsync(pending.Append, ExpectedVersion.Exactly(pending.ExpectedVersion), pending.CancellationToken).ConfigureAwait(false));
        }
        catch (Exception e)
        {
            pending.Fail(e);
        }
    }

    // First the optimistic write (one round trip, every version checked by the UPDATE); if a version was stale, the
    // versions are read under lock and the appends that match are written. A failure rolls everything back (or, if the
    // connection died, leaves it unknown: the appends written alone then find their events and answer with the
    // original result). A transient error is thrown, for the whole group to be tried again.
    private Task<GroupOutcome> CommitGroupOnceAsync(List<PendingAppend> group) =>
        InWriteTransactionAsync(async connection =>
        {
            if (AsExpected(group) is { } expected)
            {
                var outcome = await WriteAsExpectedAsync(connection, group, expected).ConfigureAwait(false);
                if (outcome is not GroupOutcome.WroteNothing { Reason: NothingWritten.StaleVersion })
                    return outcome;
            }

            return await WriteMatchingUnderLockAsync(connection, group).ConfigureAwait(false);
        }, CancellationToken.None);

    private async Task<GroupOutcome> WriteAsExpectedAsync(MySqlConnection connection, List<PendingAppend> group, List<VersionedAppend> expected)
    {
        try
        {
            var first = await WriteAsync(connection, parameters => MySqlStatements.ConditionalAppend(expected, parameters), CancellationToken.None).ConfigureAwait(false);
            return Wrote(group.Count, expected, Enumerable.Range(0, group.Count).ToList(), first);
        }
        catch (Exception e) when (e is MySqlException or StreamNotWrittenException)
        {
            await TryExecuteAsync(connection, MySqlStatements.Rollback).ConfigureAwait(false);
            if (e is MySqlException m && m.IsTransient())
                throw;
            return new GroupOutcome.WroteNothing(IsRefusal(e) ? NothingWritten.StaleVersion : NothingWritten.WriteFailed);
        }
    }

    private async Task<GroupOutcome> WriteMatchingUnderLockAsync(MySqlConnection connection, List<PendingAppend> group)
    {
        var (accepted, acceptedIndexes) = Matching(group, await LockStreamsAsync(connection, group).ConfigureAwait(false));
        if (accepted.Count == 0)
        {
            await ExecuteAsync(connection, MySqlStatements.Rollback, CancellationToken.None).ConfigureAwait(false);
            return new GroupOutcome.WroteNothing(NothingWritten.NoneAtItsVersion);
        }

        long position;
        try
        {
            position = await WriteAsync(connection, parameters => MySqlStatements.AppendToLockedStreams(accepted, parameters), CancellationToken.None)
                .ConfigureAwait(false);
        }
        catch (Exception e) when (e is MySqlException or StreamNotWrittenException)
        {
            await TryExecuteAsync(connection, MySqlStatements.Rollback).ConfigureAwait(false);
            if (e is MySqlException m && m.IsTransient())
                throw;
            return new GroupOutcome.WroteNothing(NothingWritten.WriteFailed);
        }

        return Wrote(group.Count, accepted, acceptedIndexes, position);
    }

    // The appends whose streams are at the versions they expect (read under lock), each one after the other in queue order.
    private static (List<VersionedAppend> Appends, List<int> Indexes) Matching(List<PendingAppend> group, Dictionary<string, long> versions)
    {
        var accepted = new List<VersionedAppend>(group.Count);
        var indexes = new List<int>(group.Count);
        for (var i = 0; i < group.Count; i++)
        {
            var append = group[i].Append;
            var current = versions.GetValueOrDefault(append.StreamId);
            if (current != group[i].ExpectedVersion)
                continue;
            accepted.Add(new VersionedAppend(append, current));
            indexes.Add(i);
            versions[append.StreamId] = current + append.Events.Count;
        }

        return (accepted, indexes);
    }

    // The appends as the group expects them, if every append to a stream expects the version the one before leaves.
    private static List<VersionedAppend>? AsExpected(List<PendingAppend> group)
    {
        var next = new Dictionary<string, long>(StringComparer.Ordinal);
        var appends = new List<VersionedAppend>(group.Count);
        foreach (var pending in group)
        {
            var append = new VersionedAppend(pending.Append, pending.ExpectedVersion);
            if (next.TryGetValue(append.Append.StreamId, out var chained) && chained != append.PreviousVersion)
                return null;
            next[append.Append.StreamId] = append.NewVersion;
            appends.Add(append);
        }

        return appends;
    }

    // The appends written take positions from firstPosition on, in their order in the group.
    private GroupOutcome.Wrote Wrote(int groupSize, List<VersionedAppend> written, List<int> indexes, long firstPosition)
    {
        Interlocked.Increment(ref _groupCommits);
        Interlocked.Add(ref _groupedAppends, written.Count);
        var results = new AppendResult?[groupSize];
        var position = firstPosition;
        for (var k = 0; k < written.Count; k++)
        {
            var (append, previous) = written[k];
            results[indexes[k]] = append.ResultAfter(previous, position);
            position += append.Events.Count;
        }

        return new GroupOutcome.Wrote(results);
    }

    private static async Task<Dictionary<string, long>> LockStreamsAsync(MySqlConnection connection, List<PendingAppend> group)
    {
        var streamIds = group.Select(p => p.Append.StreamId).ToHashSet(StringComparer.Ordinal);
        await using var command = connection.CreateCommand();
        command.CommandText = MySqlStatements.BeginAndLockStreams(streamIds, command.Parameters);
        var reader = await command.ExecuteReaderAsync(CancellationToken.None).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            var versions = new Dictionary<string, long>(streamIds.Count, StringComparer.Ordinal);
            do
            {
                while (await reader.ReadAsync(CancellationToken.None).ConfigureAwait(false))
                    versions[reader.GetString(0)] = reader.GetInt64(1);
            }
            while (await reader.NextResultAsync(CancellationToken.None).ConfigureAwait(false));

            return versions;
        }
    }
}
