namespace EventStore.Tests.Contract;

public abstract partial class EventStoreContract
{
    [Fact]
    public async Task ReadStream_from_a_version_returns_that_version_onwards()
    {
        var stream = TestEvents.StreamId();
        await Store.AppendAsync(stream, ExpectedVersion.NoStream, TestEvents.Numbers(10));

        var read = await Store.ReadStreamAsync(stream, fromVersion: 4, maxCount: 3);

        read.Select(e => e.Version).ShouldBe([4L, 5L, 6L]);
        read.Select(e => ((NumberAdded)e.Data).Value).ShouldBe([4, 5, 6]);
    }

    [Fact]
    public async Task ReadStream_of_missing_stream_is_empty()
    {
        (await Store.ReadStreamAsync(TestEvents.StreamId())).ShouldBeEmpty();
    }

    [Fact]
    public async Task ReadStream_returns_metadata_as_appended()
    {
        var stream = TestEvents.StreamId();
        var correlation = Guid.CreateVersion7();
        var causation = Guid.CreateVersion7();
        var appended = new NewEvent(Guid.CreateVersion7(), new SomethingHappened("meta"), correlation, causation);

        await Store.AppendAsync(stream, ExpectedVersion.NoStream, [appended]);

        var read = (await Store.ReadStreamAsync(stream)).ShouldHaveSingleItem();
        read.EventId.ShouldBe(appended.EventId);
        read.EventType.ShouldBe("something-happened");
        read.StreamId.ShouldBe(stream);
        read.CorrelationId.ShouldBe(correlation);
        read.CausationId.ShouldBe(causation);
        read.RecordedAt.Kind.ShouldBe(DateTimeKind.Utc);
        read.RecordedAt.ShouldBe(Now.UtcDateTime.AddTicks(1234560), "recorded-at is kept to the microsecond");
    }

    [Fact]
    public async Task ReadStream_keeps_unicode_payloads_intact()
    {
        var stream = TestEvents.StreamId();
        string[] texts = ["Zoë’s café", "東京ドーム 🎫🎟️", "שלום עולם", "e\u0301\u0000\u001f\"\\'; DROP TABLE events; --", new string('ß', 5000)];

        await Store.AppendAsync(stream, ExpectedVersion.NoStream, texts.Select(TestEvents.Something).ToArray());

        (await Store.ReadStreamAsync(stream)).Select(e => ((SomethingHappened)e.Data).Text).ShouldBe(texts);
    }

    [Fact]
    public async Task Streams_whose_ids_differ_only_in_case_are_different_streams()
    {
        var id = TestEvents.StreamId("CaseStream");
        await Store.AppendAsync(id, ExpectedVersion.NoStream, TestEvents.Numbers(1));

        await Store.AppendAsync(id.ToLowerInvariant(), ExpectedVersion.NoStream, TestEvents.Numbers(2));

        (await Store.ReadStreamAsync(id)).Count.ShouldBe(1);
        (await Store.ReadStreamAsync(id.ToLowerInvariant())).Count.ShouldBe(2);
        (await Store.GetStreamAsync(id.ToUpperInvariant())).ShouldBeNull();
    }

    [Fact]
    public async Task GetStream_reports_version_and_times()
    {
        var stream = TestEvents.StreamId();
        await Store.AppendAsync(stream, ExpectedVersion.NoStream, TestEvents.Numbers(2));
        Time.Advance(TimeSpan.FromMinutes(5));
        await Store.AppendAsync(stream, ExpectedVersion.Exactly(2), TestEvents.Numbers(1));

        var metadata = await Store.GetStreamAsync(stream);

        metadata.ShouldNotBeNull();
        metadata.Version.ShouldBe(3);
        (metadata.UpdatedAt - metadata.CreatedAt).ShouldBe(TimeSpan.FromMinutes(5));
        (await Store.GetStreamAsync(TestEvents.StreamId())).ShouldBeNull();
    }

    [Fact]
    public async Task Documents_are_written_with_the_append_and_overwritten_by_the_next()
    {
        var stream = TestEvents.StreamId();
        await Store.AppendAsync(stream, ExpectedVersion.NoStream, TestEvents.Numbers(2), [new ProjectionDocument("counter", stream, new Counter(2))]);
        await Store.AppendAsync(stream, ExpectedVersion.Exactly(2), TestEvents.Numbers(1), [new ProjectionDocument("counter", stream, new Counter(3))]);

        var document = await Store.LoadDocumentAsync<Counter>("counter", stream);

        document.ShouldNotBeNull();
        document.Document.ShouldBe(new Counter(3));
        document.StreamVersion.ShouldBe(3);
        (await Store.LoadDocumentAsync<Counter>("counter", stream.ToUpperInvariant())).ShouldBeNull();
    }

    [Fact]
    public async Task Documents_of_a_refused_append_are_not_written()
    {
        var stream = TestEvents.StreamId();
        await Store.AppendAsync(stream, ExpectedVersion.NoStream, TestEvents.Numbers(1), [new ProjectionDocument("counter", stream, new Counter(1))]);

        await Should.ThrowAsync<WrongExpectedVersionException>(() =>
            Store.AppendAsync(stream, ExpectedVersion.NoStream, TestEvents.Numbers(1), [new ProjectionDocument("counter", stream, new Counter(99))]));

        (await Store.LoadDocumentAsync<Counter>("counter", stream))!.Document.Count.ShouldBe(1);
    }
}
