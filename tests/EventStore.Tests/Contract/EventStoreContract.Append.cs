namespace EventStore.Tests.Contract;

public abstract partial class EventStoreContract
{
    [Fact]
    public async Task Append_to_new_stream_returns_version_and_positions()
    {
        var stream = TestEvents.StreamId();

        var result = await Store.AppendAsync(stream, ExpectedVersion.NoStream, TestEvents.Numbers(3));

        result.StreamVersion.ShouldBe(3);
        result.Positions.Count.ShouldBe(3);
        result.Positions.ShouldBeInOrder();
        (result.Positions[2] - result.Positions[0]).ShouldBe(2);
        var read = await Store.ReadStreamAsync(stream);
        read.Select(e => e.Version).ShouldBe([1L, 2L, 3L]);
        read.Select(e => e.Position).ShouldBe(result.Positions);
    }

    [Fact]
    public async Task Append_with_exact_version_continues_the_stream()
    {
        var stream = TestEvents.StreamId();
        await Store.AppendAsync(stream, ExpectedVersion.NoStream, TestEvents.Numbers(2));

        var result = await Store.AppendAsync(stream, ExpectedVersion.Exactly(2), TestEvents.Numbers(1));

        result.StreamVersion.ShouldBe(3);
    }

    [Fact]
    public async Task Append_with_wrong_expected_version_throws_with_actual_version_and_writes_nothing()
    {
        var stream = TestEvents.StreamId();
        var first = await Store.AppendAsync(stream, ExpectedVersion.NoStream, TestEvents.Numbers(2));

        var error = await Should.ThrowAsync<WrongExpectedVersionException>(
            () => Store.AppendAsync(stream, ExpectedVersion.Exactly(1), TestEvents.Numbers(1)));

        error.StreamId.ShouldBe(stream);
        error.Expected.ShouldBe(ExpectedVersion.Exactly(1));
        error.ActualVersion.ShouldBe(2);
        (await Store.ReadStreamAsync(stream)).Count.ShouldBe(2);
        var next = await Store.AppendAsync(stream, ExpectedVersion.Exactly(2), TestEvents.Numbers(1));
        next.Positions[0].ShouldBe(first.Positions[^1] + 1, "a refused append must not burn a global position");
    }

    [Fact]
    public async Task Append_with_NoStream_to_existing_stream_throws_with_actual_version()
    {
        var stream = TestEvents.StreamId();
        await Store.AppendAsync(stream, ExpectedVersion.NoStream, TestEvents.Numbers(1));

        var error = await Should.ThrowAsync<WrongExpectedVersionException>(
            () => Store.AppendAsync(stream, ExpectedVersion.NoStream, TestEvents.Numbers(1)));

        error.ActualVersion.ShouldBe(1);
    }

    [Fact]
    public async Task Append_with_StreamExists_to_missing_stream_throws()
    {
        var error = await Should.ThrowAsync<WrongExpectedVersionException>(
            () => Store.AppendAsync(TestEvents.StreamId(), ExpectedVersion.StreamExists, TestEvents.Numbers(1)));

        error.ActualVersion.ShouldBe(0);
    }

    [Fact]
    public async Task Append_with_StreamExists_and_Any_append_at_the_end()
    {
        var stream = TestEvents.StreamId();
        (await Store.AppendAsync(stream, ExpectedVersion.Any, TestEvents.Numbers(2))).StreamVersion.ShouldBe(2);
        (await Store.AppendAsync(stream, ExpectedVersion.StreamExists, TestEvents.Numbers(1))).StreamVersion.ShouldBe(3);
        (await Store.AppendAsync(stream, ExpectedVersion.Any, TestEvents.Numbers(1))).StreamVersion.ShouldBe(4);
    }

    [Fact]
    public async Task Append_of_1000_events_in_one_call_stores_them_all_in_order()
    {
        var stream = TestEvents.StreamId();
        var events = TestEvents.Numbers(1000);

        var result = await Store.AppendAsync(stream, ExpectedVersion.NoStream, events);

        result.StreamVersion.ShouldBe(1000);
        var read = await Store.ReadStreamAsync(stream);
        read.Count.ShouldBe(1000);
        read.Select(e => ((NumberAdded)e.Data).Value).ShouldBe(Enumerable.Range(1, 1000));
        read.Select(e => e.EventId).ShouldBe(events.Select(e => e.EventId));
        read.Select(e => e.Position).ShouldBe(result.Positions);
    }

    [Fact]
    public async Task Append_of_unregistered_type_throws_and_writes_nothing()
    {
        var stream = TestEvents.StreamId();

        await Should.ThrowAsync<InvalidOperationException>(
            () => Store.AppendAsync(stream, ExpectedVersion.NoStream, [NewEvent.For(new Unregistered("x"))]));

        (await Store.GetStreamAsync(stream)).ShouldBeNull();
    }

    [Fact]
    public async Task Append_of_no_events_is_rejected()
    {
        await Should.ThrowAsync<ArgumentException>(
            () => Store.AppendAsync(TestEvents.StreamId(), ExpectedVersion.Any, []));
    }
}
