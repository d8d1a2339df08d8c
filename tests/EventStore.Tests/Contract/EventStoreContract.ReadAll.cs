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
    public async Task ReadAll_with_an_append_committing_late_skips_nothing()
    {
        var start = (await Store.AppendAsync(TestEvents.StreamId("before"), ExpectedVersion.NoStream, TestEvents.Numbers(1))).Positions[0] + 1;
        var documentId = Guid.NewGuid().ToString();
        Task<AppendResult> late, early;
        Task<IReadOnlyList<RecordedEvent>> readWhileHeld;

        await using (await HoldDocumentAsync(documentId))
        {
            late = Store.AppendAsync(TestEvents.StreamId("late"), ExpectedVersion.NoStream, [TestEvents.Something("late")],
                [new ProjectionDocument("held", documentId, new Counter(1))]);
            await WaitUntilAnAppendIsBlockedAsync();
            early = Store.AppendAsync(TestEvents.StreamId("early"), ExpectedVersion.NoStream, [TestEvents.Something("early")]);
            await Task.WhenAny(early, Task.Delay(500));
            readWhileHeld = Store.ReadAllAsync(start, 100);
            await Task.WhenAny(readWhileHeld, Task.Delay(500));
            if (readWhileHeld.IsCompletedSuccessfully)
                (await readWhileHeld).ShouldBeEmpty("nothing after an uncommitted append may be read while it is in flight");
        }

        var (lateResult, earlyResult) = (await late, await early);
        lateResult.Positions[0].ShouldBeLessThan(earlyResult.Positions[0]);
        var read = await readWhileHeld;
        if (read.Any(e => e.Position == earlyResult.Positions[0]))
            read.ShouldContain(e => e.Position == lateResult.Positions[0], "the late commit must not be skipped");
        (await Store.ReadAllAsync(start, 100)).Select(e => ((SomethingHappened)e.Data).Text).ShouldBe(["late", "early"]);
    }
}
