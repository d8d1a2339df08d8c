namespace EventStore.Tests.Contract;

public abstract partial class EventStoreContract
{
    [Fact]
    public async Task Append_resent_with_same_event_ids_returns_original_result_without_duplicates()
    {
        var stream = TestEvents.StreamId();
        var events = TestEvents.Numbers(3);
        var original = await Store.AppendAsync(stream, ExpectedVersion.NoStream, events);

        var retried = await Store.AppendAsync(stream, ExpectedVersion.NoStream, events);

        retried.StreamVersion.ShouldBe(original.StreamVersion);
        retried.Positions.ShouldBe(original.Positions);
        (await Store.ReadStreamAsync(stream)).Count.ShouldBe(3);
    }

    [Fact]
    public async Task Append_resent_after_the_stream_moved_on_still_returns_original_result()
    {
        var stream = TestEvents.StreamId();
        var events = TestEvents.Numbers(2);
        var original = await Store.AppendAsync(stream, ExpectedVersion.NoStream, events);
        await Store.AppendAsync(stream, ExpectedVersion.Exactly(2), TestEvents.Numbers(5));

        var retried = await Store.AppendAsync(stream, ExpectedVersion.NoStream, events);

        retried.ShouldBeEquivalentTo(original);
        (await Store.ReadStreamAsync(stream)).Count.ShouldBe(7);
    }

    [Fact]
    public async Task Append_resent_with_Any_returns_original_result_without_duplicates()
    {
        var stream = TestEvents.StreamId();
        var events = TestEvents.Numbers(2);
        var original = await Store.AppendAsync(stream, ExpectedVersion.Any, events);

        var retried = await Store.AppendAsync(stream, ExpectedVersion.Any, events);

        retried.Positions.ShouldBe(original.Positions);
        (await Store.ReadStreamAsync(stream)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Append_reusing_some_stored_event_ids_is_refused()
    {
        var stream = TestEvents.StreamId();
        var events = TestEvents.Numbers(2);
        await Store.AppendAsync(stream, ExpectedVersion.NoStream, events);

        await Should.ThrowAsync<WrongExpectedVersionException>(
            () => Store.AppendAsync(stream, ExpectedVersion.Any, [events[1], TestEvents.Something()]));

        (await Store.ReadStreamAsync(stream)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Append_reusing_an_event_id_of_another_stream_is_refused()
    {
        var events = TestEvents.Numbers(1);
        await Store.AppendAsync(TestEvents.StreamId(), ExpectedVersion.NoStream, events);
        var other = TestEvents.StreamId();

        await Should.ThrowAsync<WrongExpectedVersionException>(
            () => Store.AppendAsync(other, ExpectedVersion.NoStream, events));

        (await Store.GetStreamAsync(other)).ShouldBeNull();
    }
}
