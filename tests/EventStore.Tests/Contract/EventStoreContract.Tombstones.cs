namespace EventStore.Tests.Contract;

/// <summary>Deleted documents (<see cref="ProjectionDocument.Delete"/>): stored as tombstones, never listed or loaded.</summary>
public abstract partial class EventStoreContract
{
    [Fact]
    public async Task Append_with_a_tombstone_deletes_the_document_and_listings_skip_it()
    {
        var (projection, stream) = ($"tomb-{Guid.NewGuid():N}", TestEvents.StreamId());
        await Store.AppendAsync(stream, ExpectedVersion.NoStream, TestEvents.Numbers(1),
            [new ProjectionDocument(projection, "a", new Counter(1)), new ProjectionDocument(projection, "b", new Counter(2))]);
        Time.Advance(TimeSpan.FromSeconds(1));

        await Store.AppendAsync(stream, ExpectedVersion.Exactly(1), TestEvents.Numbers(1), [ProjectionDocument.Delete(projection, "a")]);

        (await Store.LoadDocumentAsync<Counter>(projection, "a")).ShouldBeNull();
        (await Store.LoadDocumentAsync<Counter>(projection, "b"))!.Document.ShouldBe(new Counter(2));
        (await Store.ListDocumentsAsync<Counter>(projection, 10)).ShouldHaveSingleItem().Document.ShouldBe(new Counter(2));
        (await Store.ListDocumentsAsync<Counter>(projection, new DocumentRange("", null, 10))).ShouldHaveSingleItem().Id.ShouldBe("b");
    }

    [Fact]
    public async Task Append_with_a_document_after_its_tombstone_brings_it_back()
    {
        var (projection, stream) = ($"tomb-{Guid.NewGuid():N}", TestEvents.StreamId());
        await Store.AppendAsync(stream, ExpectedVersion.NoStream, TestEvents.Numbers(1), [ProjectionDocument.Delete(projection, "a")]);
        (await Store.LoadDocumentAsync<Counter>(projection, "a")).ShouldBeNull("a tombstone of a document that never existed is no document either");

        await Store.AppendAsync(stream, ExpectedVersion.Exactly(1), TestEvents.Numbers(1), [new ProjectionDocument(projection, "a", new Counter(5))]);

        var stored = await Store.LoadDocumentAsync<Counter>(projection, "a");
        (stored!.Document, stored.StreamVersion).ShouldBe((new Counter(5), 2L));
    }

    [Fact]
    public async Task SaveDocuments_with_a_tombstone_deletes_the_document()
    {
        var (projection, stream) = ($"tomb-{Guid.NewGuid():N}", TestEvents.StreamId());
        await Store.AppendAsync(stream, ExpectedVersion.NoStream, TestEvents.Numbers(2), [new ProjectionDocument(projection, "a", new Counter(1))]);

        await Store.SaveDocumentsAsync(stream, ExpectedVersion.Exactly(2), [ProjectionDocument.Delete(projection, "a")]);

        (await Store.LoadDocumentAsync<Counter>(projection, "a")).ShouldBeNull();
        (await Store.ListDocumentsAsync<Counter>(projection, 10)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Append_with_a_tombstone_marked_MustBeNew_is_refused_and_writes_nothing()
    {
        var (projection, stream) = ($"tomb-{Guid.NewGuid():N}", TestEvents.StreamId());

        await Should.ThrowAsync<ArgumentException>(() => Store.AppendAsync(
            stream, ExpectedVersion.NoStream, TestEvents.Numbers(1), [new ProjectionDocument(projection, "a", null, MustBeNew: true)]));
        await Should.ThrowAsync<ArgumentException>(() => Store.SaveDocumentsAsync(
            stream, ExpectedVersion.Any, [new ProjectionDocument(projection, "a", null, MustBeNew: true)]));

        (await Store.GetStreamAsync(stream)).ShouldBeNull();
    }

    // A tombstone keeps its id, as an idempotency key once used stays used.
    [Fact]
    public async Task Append_claiming_the_id_of_a_tombstone_is_refused()
    {
        var (projection, stream) = ($"tomb-{Guid.NewGuid():N}", TestEvents.StreamId());
        await Store.AppendAsync(stream, ExpectedVersion.NoStream, TestEvents.Numbers(1), [ProjectionDocument.Delete(projection, "key")]);

        await Should.ThrowAsync<WrongExpectedVersionException>(() => Store.AppendAsync(
            stream, ExpectedVersion.Exactly(1), TestEvents.Numbers(1), [new ProjectionDocument(projection, "key", new Counter(1), MustBeNew: true)]));

        (await Store.GetStreamAsync(stream))!.Version.ShouldBe(1);
    }

    [Fact]
    public async Task WriteIfNewer_never_brings_back_a_document_deleted_at_a_later_version()
    {
        var (projection, stream) = ($"tomb-{Guid.NewGuid():N}", TestEvents.StreamId());
        await Store.AppendAsync(stream, ExpectedVersion.NoStream, TestEvents.Numbers(3), [ProjectionDocument.Delete(projection, "a")]);

        await Store.WriteIfNewerAsync(projection, [new VersionedDocument("a", new Counter(2), 2), new VersionedDocument("b", new Counter(1), 1)]);
        (await Store.LoadDocumentAsync<Counter>(projection, "a")).ShouldBeNull("the tombstone is at version 3");
        await Store.WriteIfNewerAsync(projection, [new VersionedDocument("b", null, 2), new VersionedDocument("a", new Counter(4), 4)]);

        (await Store.LoadDocumentAsync<Counter>(projection, "a"))!.Document.ShouldBe(new Counter(4));
        (await Store.LoadDocumentAsync<Counter>(projection, "b")).ShouldBeNull("a newer tombstone deletes");
        await Store.WriteIfNewerAsync(projection, [new VersionedDocument("b", new Counter(1), 1)]);
        (await Store.LoadDocumentAsync<Counter>(projection, "b")).ShouldBeNull("nor does an older document replace that tombstone");
    }

    [Fact]
    public async Task Rebuild_with_tombstones_skips_them_when_loaded_and_swaps_them_in_as_deletions()
    {
        var (projection, stream) = ($"tomb-rebuild-{Guid.NewGuid():N}", TestEvents.StreamId());
        await Store.AppendAsync(stream, ExpectedVersion.NoStream, TestEvents.Numbers(1),
            [new ProjectionDocument(projection, "a", new Counter(1)), new ProjectionDocument(projection, "b", new Counter(1))]);
        await Store.BeginRebuildAsync(projection, restart: true);

        await Store.WriteRebuildAsync(projection, [new VersionedDocument("a", null, 5), new VersionedDocument("b", new Counter(2), 5)], checkpoint: 10);
        (await Store.LoadRebuildDocumentsAsync<Counter>(projection)).ShouldHaveSingleItem().Document.ShouldBe(new Counter(2));
        await Store.SwapInAsync(projection);
        await Store.WriteIfNewerAsync(projection, [new VersionedDocument("a", new Counter(1), 1)]);

        (await Store.LoadDocumentAsync<Counter>(projection, "a")).ShouldBeNull();
        (await Store.ListDocumentsAsync<Counter>(projection, 10)).ShouldHaveSingleItem().Document.ShouldBe(new Counter(2));
    }
}
