namespace EventStore.Tests.Contract;

public abstract partial class EventStoreContract
{
    [Fact]
    public async Task Rebuild_swaps_in_the_rebuilt_documents_and_keeps_other_projections()
    {
        var (projection, other) = ($"rebuild-{Guid.NewGuid():N}", $"other-{Guid.NewGuid():N}");
        var stream = TestEvents.StreamId();
        await Store.AppendAsync(stream, ExpectedVersion.NoStream, TestEvents.Numbers(1),
            [new ProjectionDocument(projection, "a", new Counter(-1)), new ProjectionDocument(other, "b", new Counter(7))]);

        (await Store.BeginRebuildAsync(projection, restart: false)).ShouldBe(0);
        await Store.WriteRebuildAsync(projection, [new VersionedDocument("a", new Counter(1), 1), new VersionedDocument("c", new Counter(3), 1)], checkpoint: 42);
        (await Store.LoadDocumentAsync<Counter>(projection, "a"))!.Document.Count.ShouldBe(-1, "the live read model stays in service until the swap");
        await Store.SwapInAsync(projection);

        (await Store.LoadDocumentAsync<Counter>(projection, "a"))!.Document.Count.ShouldBe(1);
        (await Store.LoadDocumentAsync<Counter>(projection, "c"))!.Document.Count.ShouldBe(3);
        (await Store.LoadDocumentAsync<Counter>(other, "b"))!.Document.Count.ShouldBe(7);
        (await Store.BeginRebuildAsync(projection, restart: false)).ShouldBe(0, "a finished rebuild is not resumed");
    }

    [Fact]
    public async Task Rebuild_interrupted_resumes_from_its_checkpoint_with_its_documents()
    {
        var projection = $"resume-{Guid.NewGuid():N}";
        await Store.BeginRebuildAsync(projection, restart: false);
        await Store.WriteRebuildAsync(projection, [new VersionedDocument("a", new Counter(5), 5)], checkpoint: 99);

        (await Store.BeginRebuildAsync(projection, restart: false)).ShouldBe(99);
        (await Store.LoadRebuildDocumentsAsync<Counter>(projection)).ShouldHaveSingleItem().Document.Count.ShouldBe(5);
        (await Store.BeginRebuildAsync(projection, restart: true)).ShouldBe(0);
        (await Store.LoadRebuildDocumentsAsync<Counter>(projection)).ShouldBeEmpty();
    }

    [Fact]
    public async Task WriteIfNewer_replaces_only_older_documents()
    {
        var projection = $"newer-{Guid.NewGuid():N}";
        var stream = TestEvents.StreamId();
        await Store.AppendAsync(stream, ExpectedVersion.NoStream, TestEvents.Numbers(3), [new ProjectionDocument(projection, "a", new Counter(3))]);

        await Store.WriteIfNewerAsync(projection, [new VersionedDocument("a", new Counter(2), 2), new VersionedDocument("b", new Counter(1), 1)]);
        (await Store.LoadDocumentAsync<Counter>(projection, "a"))!.Document.Count.ShouldBe(3);
        await Store.WriteIfNewerAsync(projection, [new VersionedDocument("a", new Counter(4), 4)]);

        var a = await Store.LoadDocumentAsync<Counter>(projection, "a");
        (a!.Document.Count, a.StreamVersion).ShouldBe((4, 4L));
        (await Store.LoadDocumentAsync<Counter>(projection, "b"))!.Document.Count.ShouldBe(1);
    }
}
