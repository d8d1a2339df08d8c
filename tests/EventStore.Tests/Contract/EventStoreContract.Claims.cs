namespace EventStore.Tests.Contract;

/// <summary>Documents marked MustBeNew (claims, such as idempotency keys) and documents written without events.</summary>
public abstract partial class EventStoreContract
{
    [Fact]
    public async Task Append_with_a_new_claimed_document_inserts_it_with_the_events()
    {
        var (projection, stream) = ($"claims-{Guid.NewGuid():N}", TestEvents.StreamId());

        await Store.AppendAsync(stream, ExpectedVersion.NoStream, TestEvents.Numbers(2), [new ProjectionDocument(projection, "key", new Counter(1), MustBeNew: true)]);

        var stored = await Store.LoadDocumentAsync<Counter>(projection, "key");
        stored!.Document.ShouldBe(new Counter(1));
        stored.StreamVersion.ShouldBe(2);
    }

    [Fact]
    public async Task Append_with_a_claimed_document_that_exists_throws_and_writes_nothing()
    {
        var (projection, first, second) = ($"claims-{Guid.NewGuid():N}", TestEvents.StreamId(), TestEvents.StreamId());
        await Store.AppendAsync(first, ExpectedVersion.NoStream, TestEvents.Numbers(1), [new ProjectionDocument(projection, "key", new Counter(1), MustBeNew: true)]);
        var head = await Store.ReadHeadPositionAsync();

        var error = await Should.ThrowAsync<WrongExpectedVersionException>(() => Store.AppendAsync(
            second, ExpectedVersion.NoStream, TestEvents.Numbers(1),
            [new ProjectionDocument(projection, "status", new Counter(7)), new ProjectionDocument(projection, "key", new Counter(2), MustBeNew: true)]));

        error.ActualVersion.ShouldBe(0);
        (await Store.GetStreamAsync(second)).ShouldBeNull();
        (await Store.LoadDocumentAsync<Counter>(projection, "key"))!.Document.ShouldBe(new Counter(1));
        (await Store.LoadDocumentAsync<Counter>(projection, "status")).ShouldBeNull();
        (await Store.ReadAllAsync(head + 1, 10)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Append_with_an_unclaimed_document_that_exists_replaces_it()
    {
        var (projection, stream) = ($"claims-{Guid.NewGuid():N}", TestEvents.StreamId());
        await Store.AppendAsync(stream, ExpectedVersion.NoStream, TestEvents.Numbers(1), [new ProjectionDocument(projection, "doc", new Counter(1))]);

        await Store.AppendAsync(stream, ExpectedVersion.Exactly(1), TestEvents.Numbers(1), [new ProjectionDocument(projection, "doc", new Counter(2))]);

        (await Store.LoadDocumentAsync<Counter>(projection, "doc"))!.Document.ShouldBe(new Counter(2));
    }

    [Fact]
    public async Task SaveDocuments_at_the_expected_version_writes_them_with_that_version_and_no_event()
    {
        var (projection, stream) = ($"claims-{Guid.NewGuid():N}", TestEvents.StreamId());
        await Store.AppendAsync(stream, ExpectedVersion.NoStream, TestEvents.Numbers(3));
        var head = await Store.ReadHeadPositionAsync();

        await Store.SaveDocumentsAsync(stream, ExpectedVersion.Exactly(3), [new ProjectionDocument(projection, "answer", new Counter(9), MustBeNew: true)]);

        var stored = await Store.LoadDocumentAsync<Counter>(projection, "answer");
        stored!.Document.ShouldBe(new Counter(9));
        stored.StreamVersion.ShouldBe(3);
        (await Store.ReadHeadPositionAsync()).ShouldBe(head);
        (await Store.GetStreamAsync(stream))!.Version.ShouldBe(3);
    }

    [Fact]
    public async Task SaveDocuments_for_a_stream_that_does_not_exist_with_NoStream_writes_version_0()
    {
        var (projection, stream) = ($"claims-{Guid.NewGuid():N}", TestEvents.StreamId());

        await Store.SaveDocumentsAsync(stream, ExpectedVersion.NoStream, [new ProjectionDocument(projection, "answer", new Counter(4), MustBeNew: true)]);

        (await Store.LoadDocumentAsync<Counter>(projection, "answer"))!.StreamVersion.ShouldBe(0);
        (await Store.GetStreamAsync(stream)).ShouldBeNull();
    }

    [Fact]
    public async Task SaveDocuments_at_another_version_throws_with_the_actual_version_and_writes_nothing()
    {
        var (projection, stream) = ($"claims-{Guid.NewGuid():N}", TestEvents.StreamId());
        await Store.AppendAsync(stream, ExpectedVersion.NoStream, TestEvents.Numbers(2));

        var error = await Should.ThrowAsync<WrongExpectedVersionException>(
            () => Store.SaveDocumentsAsync(stream, ExpectedVersion.Exactly(1), [new ProjectionDocument(projection, "answer", new Counter(1), MustBeNew: true)]));

        error.ActualVersion.ShouldBe(2);
        (await Store.LoadDocumentAsync<Counter>(projection, "answer")).ShouldBeNull();
    }

    [Fact]
    public async Task SaveDocuments_with_a_claimed_document_that_exists_throws_and_keeps_the_first()
    {
        var (projection, stream) = ($"claims-{Guid.NewGuid():N}", TestEvents.StreamId());
        await Store.AppendAsync(stream, ExpectedVersion.NoStream, TestEvents.Numbers(1), [new ProjectionDocument(projection, "key", new Counter(1), MustBeNew: true)]);

        await Should.ThrowAsync<WrongExpectedVersionException>(() => Store.SaveDocumentsAsync(
            stream, ExpectedVersion.Exactly(1),
            [new ProjectionDocument(projection, "other", new Counter(3), MustBeNew: true), new ProjectionDocument(projection, "key", new Counter(2), MustBeNew: true)]));

        (await Store.LoadDocumentAsync<Counter>(projection, "key"))!.Document.ShouldBe(new Counter(1));
        (await Store.LoadDocumentAsync<Counter>(projection, "other")).ShouldBeNull();
    }
}
