using EventStore.MySql;
using MySqlConnector;

namespace EventStore.Tests;

/// <summary>
/// The MySQL store writes appends that queue up behind a commit in flight together, in one transaction
/// (docs/adr/0008-group-commit-across-streams.md). Each appender must still be told exactly what a lone append would
/// have told it. To make a group deterministic, one committer is allowed and held on a locked stream row while the
/// group queues behind it.
/// </summary>
public sealed class MySqlGroupCommitTests(MySqlDatabase database) : IClassFixture<MySqlDatabase>
{
    private readonly MySqlEventStore _store = new(database.ConnectionString, TestEvents.Map(), options: new MySqlStoreOptions { MaxConcurrentCommits = 1 });

    // Eight appends queue behind one held commit: five that can be written (an existing stream, a new one with a
    // document, one stream twice in a row, another), a stale version, a second append at a version the first of the
    // pair takes, and a retry of an append already stored. Each test below checks one rule of that one group.
    [Fact]
    public async Task Appends_queued_behind_a_commit_share_one_transaction()
    {
        var group = await QueueEightAsync();
        group.Commits.ShouldBe(1);
        group.Appends.ShouldBe(5);
    }

    [Fact]
    public async Task Appends_in_a_group_are_each_told_their_own_new_version()
    {
        var group = await QueueEightAsync();
        group.Written.Select(r => r.StreamVersion).ShouldBe([4L, 1, 3, 4, 2]);
    }

    [Fact]
    public async Task Appends_in_a_group_get_contiguous_positions_in_queue_order()
    {
        var group = await QueueEightAsync();
        var positions = group.Written.SelectMany(r => r.Positions).ToArray();
        positions.ShouldBe(Enumerable.Range(0, 8).Select(i => positions[0] + i));
        (await _store.ReadAllAsync(positions[0], 100)).Take(8).Select(e => (e.StreamId, e.Version)).ShouldBe(
        [
            (group.Next, 2L), (group.Next, 3L), (group.Next, 4L), (group.Created, 1L), (group.Chained, 2L), (group.Chained, 3L), (group.Chained, 4L), (group.Twice, 2L),
        ]);
    }

    [Fact]
    public async Task A_stale_append_in_a_group_is_refused_with_the_actual_version_and_writes_nothing()
    {
        var group = await QueueEightAsync();
        (await Should.ThrowAsync<WrongExpectedVersionException>(group.Tasks[4])).ActualVersion.ShouldBe(2);
        (await _store.ReadStreamAsync(group.Behind)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task The_second_of_two_appends_at_one_version_in_a_group_is_refused()
    {
        var group = await QueueEightAsync();
        (await Should.ThrowAsync<WrongExpectedVersionException>(group.Tasks[6])).ActualVersion.ShouldBe(2);
        (await _store.ReadStreamAsync(group.Twice)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Appends_chained_on_one_stream_in_a_group_are_both_written_in_order()
    {
        var group = await QueueEightAsync();
        (await _store.ReadStreamAsync(group.Chained)).Select(e => e.Version).ShouldBe([1L, 2, 3, 4]);
    }

    [Fact]
    public async Task A_retry_of_a_stored_append_in_a_group_gets_the_original_result_and_writes_nothing()
    {
        var group = await QueueEightAsync();
        var retry = await group.Tasks[7];
        retry.StreamVersion.ShouldBe(group.Original.StreamVersion);
        retry.Positions.ShouldBe(group.Original.Positions);
        (await _store.ReadStreamAsync(group.Retried)).Count.ShouldBe(3);
    }

    [Fact]
    public async Task A_document_of_an_append_in_a_group_is_written_with_its_stream_version()
    {
        var group = await QueueEightAsync();
        (await _store.LoadDocumentAsync<Counter>("group", group.Created))!.StreamVersion.ShouldBe(1);
    }

    private async Task<QueuedGroup> QueueEightAsync()
    {
        var existing = await CreateStreamsAsync(5);
        var (next, created, chained, behind, twice, retried) = (existing[0], TestEvents.StreamId("new"), existing[1], existing[2], existing[3], existing[4]);
        await _store.AppendAsync(behind, ExpectedVersion.Exactly(1), TestEvents.Numbers(1));
        var stored = TestEvents.Numbers(2);
        var original = await _store.AppendAsync(retried, ExpectedVersion.Exactly(1), stored);
        var before = _store.GroupCommits;

        Task<AppendResult>[] tasks = [];
        await WhileTheCommitterIsHeldAsync(() => tasks =
        [
            _store.AppendAsync(next, ExpectedVersion.Exactly(1), TestEvents.Numbers(3)),
            _store.AppendAsync(created, ExpectedVersion.NoStream, TestEvents.Numbers(1), [new ProjectionDocument("group", created, new Counter(1))]),
            _store.AppendAsync(chained, ExpectedVersion.Exactly(1), TestEvents.Numbers(2)),
            _store.AppendAsync(chained, ExpectedVersion.Exactly(3), TestEvents.Numbers(1)),
            _store.AppendAsync(behind, ExpectedVersion.Exactly(1), TestEvents.Numbers(1)),
            _store.AppendAsync(twice, ExpectedVersion.Exactly(1), TestEvents.Numbers(1)),
            _store.AppendAsync(twice, ExpectedVersion.Exactly(1), TestEvents.Numbers(1)),
            _store.AppendAsync(retried, ExpectedVersion.Exactly(1), stored),
        ]);
        await Task.WhenAll(tasks.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
        var after = _store.GroupCommits;
        var written = new[] { tasks[0], tasks[1], tasks[2], tasks[3], tasks[5] }.Select(t => t.Result).ToArray();
        return new QueuedGroup(tasks, written, original, after.Commits - before.Commits, after.Appends - before.Appends, next, created, chained, behind, twice, retried);
    }

    // Four appends queue behind one held commit, one of them at a stale version: the group's one-round-trip
    // attempt fails on it, and the group is then written with its versions checked under lock. Each test below checks
    // one rule of that one group.
    [Fact]
    public async Task A_group_with_a_stale_version_commits_once_after_the_locking_read()
    {
        var group = await QueueWithAStaleVersionAsync();
        group.Commits.ShouldBe(1, "only the transaction after the locking read committed");
        group.Appends.ShouldBe(3);
    }

    [Fact]
    public async Task A_stale_version_stops_the_one_round_trip_attempt_before_it_takes_a_position()
    {
        var group = await QueueWithAStaleVersionAsync();
        (await group.Tasks[0]).Positions[0].ShouldBe(group.Held.Positions[^1] + 1);
    }

    [Fact]
    public async Task A_stale_append_in_a_group_checked_under_lock_is_refused_with_the_actual_version_and_writes_nothing()
    {
        var group = await QueueWithAStaleVersionAsync();
        (await Should.ThrowAsync<WrongExpectedVersionException>(group.Tasks[1])).ActualVersion.ShouldBe(3);
        (await _store.ReadStreamAsync(group.Stale)).Count.ShouldBe(3);
    }

    [Fact]
    public async Task The_other_appends_of_a_group_checked_under_lock_are_written_at_their_versions()
    {
        var group = await QueueWithAStaleVersionAsync();
        (await group.Tasks[0]).StreamVersion.ShouldBe(3);
        (await group.Tasks[2]).StreamVersion.ShouldBe(2);
        (await group.Tasks[3]).StreamVersion.ShouldBe(4);
        (await _store.ReadStreamAsync(group.Fresh)).Select(e => e.Version).ShouldBe([1L, 2, 3, 4]);
    }

    private async Task<StaleGroup> QueueWithAStaleVersionAsync()
    {
        var (fresh, stale, created) = (TestEvents.StreamId("fresh"), TestEvents.StreamId("stale"), TestEvents.StreamId("created"));
        foreach (var stream in new[] { fresh, stale })
            await _store.AppendAsync(stream, ExpectedVersion.NoStream, TestEvents.Numbers(2));
        await _store.AppendAsync(stale, ExpectedVersion.Exactly(2), TestEvents.Numbers(1));
        var before = _store.GroupCommits;

        Task<AppendResult>[] tasks = [];
        var held = await WhileTheCommitterIsHeldAsync(() => tasks =
        [
            _store.AppendAsync(fresh, ExpectedVersion.Exactly(2), TestEvents.Numbers(1)),
            _store.AppendAsync(stale, ExpectedVersion.Exactly(2), TestEvents.Numbers(1)),
            _store.AppendAsync(created, ExpectedVersion.NoStream, TestEvents.Numbers(2)),
            _store.AppendAsync(fresh, ExpectedVersion.Exactly(3), TestEvents.Numbers(1)),
        ]);
        await Task.WhenAll(tasks.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
        var after = _store.GroupCommits;
        return new StaleGroup(tasks, held, after.Commits - before.Commits, after.Appends - before.Appends, fresh, stale);
    }

    [Fact]
    public async Task An_append_larger_than_the_grouping_limit_is_written_at_once_while_the_committer_is_busy()
    {
        var (large, small) = (TestEvents.StreamId("large"), TestEvents.StreamId("small"));
        Task<AppendResult> queued = Task.FromResult<AppendResult>(null!);

        await WhileTheCommitterIsHeldAsync(async () =>
        {
            queued = _store.AppendAsync(small, ExpectedVersion.NoStream, TestEvents.Numbers(1));
            var written = await _store.AppendAsync(large, ExpectedVersion.NoStream, TestEvents.Numbers(51)).WaitAsync(TimeSpan.FromSeconds(30));
            written.StreamVersion.ShouldBe(51);
            queued.IsCompleted.ShouldBeFalse("a small append waits for the committer");
        });

        (await queued).StreamVersion.ShouldBe(1);
    }

    [Fact]
    public async Task A_group_whose_write_fails_has_every_append_written_alone()
    {
        var (projection, claimed) = ($"claims-{Guid.NewGuid():N}", TestEvents.StreamId("claimed"));
        await _store.AppendAsync(TestEvents.StreamId(), ExpectedVersion.NoStream, TestEvents.Numbers(1), [new ProjectionDocument(projection, "key", new Counter(1), MustBeNew: true)]);
        var others = Enumerable.Range(0, 6).Select(_ => TestEvents.StreamId("other")).ToArray();
        Task<AppendResult>[] group = [];
        Task<AppendResult> refused = Task.FromException<AppendResult>(new InvalidOperationException());
        await WhileTheCommitterIsHeldAsync(() =>
        {
            group = others.Select(s => _store.AppendAsync(s, ExpectedVersion.NoStream, TestEvents.Numbers(2))).ToArray();
            refused = _store.AppendAsync(claimed, ExpectedVersion.NoStream, TestEvents.Numbers(1), [new ProjectionDocument(projection, "key", new Counter(2), MustBeNew: true)]);
        });

        (await Task.WhenAll(group)).ShouldAllBe(r => r.StreamVersion == 2);
        (await Should.ThrowAsync<WrongExpectedVersionException>(refused)).ActualVersion.ShouldBe(0);
        (await _store.GetStreamAsync(claimed)).ShouldBeNull();
        (await _store.LoadDocumentAsync<Counter>(projection, "key"))!.Document.ShouldBe(new Counter(1));
        foreach (var other in others)
            (await _store.ReadStreamAsync(other)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_tombstone_in_a_group_commit_deletes_its_document()
    {
        var projection = $"group-tomb-{Guid.NewGuid():N}";
        var streams = await CreateStreamsAsync(2);
        await _store.AppendAsync(streams[0], ExpectedVersion.Exactly(1), TestEvents.Numbers(1), [new ProjectionDocument(projection, "a", new Counter(1))]);
        var before = _store.GroupCommits;

        Task<AppendResult>[] group = [];
        await WhileTheCommitterIsHeldAsync(() => group =
        [
            _store.AppendAsync(streams[0], ExpectedVersion.Exactly(2), TestEvents.Numbers(1), [ProjectionDocument.Delete(projection, "a")]),
            _store.AppendAsync(streams[1], ExpectedVersion.Exactly(1), TestEvents.Numbers(1), [new ProjectionDocument(projection, "b", new Counter(2))]),
        ]);
        await Task.WhenAll(group);

        (_store.GroupCommits.Appends - before.Appends).ShouldBe(2, "both appends shared one transaction");
        (await _store.LoadDocumentAsync<Counter>(projection, "a")).ShouldBeNull();
        (await _store.ListDocumentsAsync<Counter>(projection, 10)).ShouldHaveSingleItem().Document.ShouldBe(new Counter(2));
    }

    [Fact]
    public async Task Many_concurrent_writers_on_many_streams_share_commits_and_lose_nothing()
    {
        var store = new MySqlEventStore(database.ConnectionString, TestEvents.Map());
        var streams = Enumerable.Range(0, 200).Select(_ => TestEvents.StreamId("many")).ToArray();
        var start = await store.ReadHeadPositionAsync();
        var before = store.GroupCommits;

        await Task.WhenAll(streams.Select(stream => Task.Run(async () =>
        {
            for (var version = 0; version < 10; version++)
                await store.AppendAsync(stream, ExpectedVersion.Exactly(version), TestEvents.Numbers(1));
        })));

        var commits = store.GroupCommits.Commits - before.Commits;
        var grouped = store.GroupCommits.Appends - before.Appends;
        commits.ShouldBeGreaterThan(0);
        grouped.ShouldBeGreaterThan(commits, "some transactions wrote several appends");
        foreach (var stream in streams)
            (await store.ReadStreamAsync(stream)).Select(e => e.Version).ShouldBe(Enumerable.Range(1, 10).Select(v => (long)v));
        var all = await store.ReadAllAsync(start + 1, 10_000);
        all.Where(e => streams.Contains(e.StreamId)).Count().ShouldBe(2_000);
        all.Select(e => e.EventId).Distinct().Count().ShouldBe(all.Count);
    }

    private async Task<string[]> CreateStreamsAsync(int count)
    {
        var streams = Enumerable.Range(0, count).Select(_ => TestEvents.StreamId()).ToArray();
        foreach (var stream in streams)
            await _store.AppendAsync(stream, ExpectedVersion.NoStream, TestEvents.Numbers(1));
        return streams;
    }

    // Locks a stream row from another connection, starts an append to it (the only committer, now waiting on that
    // lock), queues the group behind it, then lets go: the committer finishes and takes the whole queue at once.
    private Task<AppendResult> WhileTheCommitterIsHeldAsync(Action queueGroup) =>
        WhileTheCommitterIsHeldAsync(() =>
        {
            queueGroup();
            return Task.CompletedTask;
        });

    private async Task<AppendResult> WhileTheCommitterIsHeldAsync(Func<Task> whileHeld)
    {
        var blocker = (await CreateStreamsAsync(1))[0];
        await using var holder = new MySqlConnection(database.ConnectionString);
        await holder.OpenAsync();
        await using var transaction = await holder.BeginTransactionAsync();
        await using (var lockRow = new MySqlCommand("SELECT version FROM streams WHERE stream_id = @s FOR UPDATE;", holder, transaction))
        {
            lockRow.Parameters.AddWithValue("@s", blocker);
            await lockRow.ExecuteScalarAsync();
        }

        var held = _store.AppendAsync(blocker, ExpectedVersion.Exactly(1), TestEvents.Numbers(1));
        await WaitUntilBlockedAsync(blocker);
        await whileHeld();
        await transaction.RollbackAsync();
        var written = await held;
        written.StreamVersion.ShouldBe(2);
        return written;
    }

    // The held append's UPDATE of the locked stream row cannot finish before the lock is let go, so once the server
    // shows it running, it is waiting.
    private async Task WaitUntilBlockedAsync(string stream)
    {
        await using var connection = new MySqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var waiting = new MySqlCommand(
            "SELECT COUNT(*) FROM information_schema.processlist WHERE info LIKE 'UPDATE streams %' AND info LIKE CONCAT('%', @s, '%');", connection);
        waiting.Parameters.AddWithValue("@s", stream);
        for (var attempt = 0; Convert.ToInt64(await waiting.ExecuteScalarAsync()) == 0; attempt++)
        {
            attempt.ShouldBeLessThan(400, "the append to the held stream never reached the server");
            await Task.Delay(25);
        }
    }

    private sealed record QueuedGroup(
        Task<AppendResult>[] Tasks, AppendResult[] Written, AppendResult Original, long Commits, long Appends,
        string Next, string Created, string Chained, string Behind, string Twice, string Retried);

    private sealed record StaleGroup(Task<AppendResult>[] Tasks, AppendResult Held, long Commits, long Appends, string Fresh, string Stale);
}
