namespace EventStore.Tests.Contract;

public abstract partial class EventStoreContract
{
    [Fact]
    public async Task ReadAll_returns_events_of_all_streams_in_global_order()
    {
        var start = (await Store.AppendAsync(TestEvents.StreamId("a"), ExpectedVersion.NoStream, TestEvents.Numbers(1))).Positions[0];
        var b = await Store.AppendAsync(TestEvents.StreamId("b"), ExpectedVersion.NoStream, TestEvents.Numbers(2));
        var c = await Store.AppendAsync(TestEvents.StreamId("c"), ExpectedVersion.NoStream, TestEvents.Numbers(1));

        var all = await Store.ReadAllAsync(start + 1, 100);

        all.Select(e => e.Position).ShouldBe(b.Positions.Concat(c.Positions));
        (await Store.ReadHeadPositionAsync()).ShouldBe(c.Positions[0]);
        (await Store.ReadAllAsync(start + 1, 2)).Select(e => e.Position).ShouldBe(b.Positions);
    }

    [Fact]
    public Task ReadAll_with_an_append_committing_late_skips_nothing() =>
        LateCommitIsNotSkippedAsync(async from => [.. (await Store.ReadAllAsync(from, 100)).Select(e => e.Position)]);

    [Fact]
    public Task ReadAllHeaders_with_an_append_committing_late_skips_nothing() =>
        LateCommitIsNotSkippedAsync(async from =>
            [.. (await Store.ReadAllHeadersAsync(from, 100, new HashSet<string>())).Select(e => e.Position)]);

    [Fact]
    public async Task ReadAllHeaders_reads_payloads_of_the_asked_types_only()
    {
        var stream = TestEvents.StreamId("headers");
        var appended = await Store.AppendAsync(stream, ExpectedVersion.NoStream, [TestEvents.Something("kept"), .. TestEvents.Numbers(2)]);

        var headers = await Store.ReadAllHeadersAsync(appended.Positions[0], 100, new HashSet<string> { "something-happened" });

        headers.Select(h => (h.Position, h.StreamId, h.Version, h.EventType)).ShouldBe(
        [
            (appended.Positions[0], stream, 1L, "something-happened"),
            (appended.Positions[1], stream, 2L, "number-added"),
            (appended.Positions[2], stream, 3L, "number-added"),
        ]);
        headers.Select(h => h.Data).ShouldBe([new SomethingHappened("kept"), null, null]);
    }

    [Fact]
    public async Task ReadAllHeaders_with_a_comma_in_a_type_name_is_refused()
    {
        await Should.ThrowAsync<ArgumentException>(() => Store.ReadAllHeadersAsync(1, 10, new HashSet<string> { "a,b" }));
    }

    // An append that took its position first but commits last must still be read, by every reader of the global order.
    private async Task LateCommitIsNotSkippedAsync(Func<long, Task<IReadOnlyList<long>>> readPositions)
    {
        var start = (await Store.AppendAsync(TestEvents.StreamId("before"), ExpectedVersion.NoStream, TestEvents.Numbers(1))).Positions[0] + 1;
        var documentId = Guid.NewGuid().ToString();
        Task<AppendResult> late, early;
        Task<IReadOnlyList<long>> readWhileHeld;

        await using (await HoldDocumentAsync(documentId))
        {
            late = Store.AppendAsync(TestEvents.StreamId("late"), ExpectedVersion.NoStream, [TestEvents.Something("late")],
                [new ProjectionDocument("held", documentId, new Counter(1))]);
            await WaitUntilAnAppendIsBlockedAsync();
            early = Store.AppendAsync(TestEvents.StreamId("early"), ExpectedVersion.NoStream, [TestEvents.Something("early")]);
            await Task.WhenAny(early, Task.Delay(500));
            readWhileHeld = readPositions(start);
            await Task.WhenAny(readWhileHeld, Task.Delay(500));
            if (readWhileHeld.IsCompletedSuccessfully)
                (await readWhileHeld).ShouldBeEmpty("nothing after an uncommitted append may be read while it is in flight");
        }

        var (lateResult, earlyResult) = (await late, await early);
        lateResult.Positions[0].ShouldBeLessThan(earlyResult.Positions[0]);
        var read = await readWhileHeld;
        if (read.Contains(earlyResult.Positions[0]))
            read.ShouldContain(lateResult.Positions[0], "the late commit must not be skipped");
        (await Store.ReadAllAsync(start, 100)).Select(e => ((SomethingHappened)e.Data).Text).ShouldBe(["late", "early"]);
        (await readPositions(start)).ShouldBe([lateResult.Positions[0], earlyResult.Positions[0]]);
    }
}
