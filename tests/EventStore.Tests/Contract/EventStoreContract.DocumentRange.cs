namespace EventStore.Tests.Contract;

/// <summary>Listing documents by id range (<see cref="DocumentRange"/>): prefix, cursor, direction, page size.</summary>
public abstract partial class EventStoreContract
{
    [Fact]
    public async Task ListDocumentRange_ascending_lists_the_prefix_in_binary_id_order_from_the_start()
    {
        var projection = await SaveRangeDocumentsAsync("a", "b/2", "b/10", "B/1", "b/1", "b", "c");

        var listed = await Store.ListDocumentsAsync<Counter>(projection, new DocumentRange("b/", null, 10));

        listed.Select(d => d.Id).ShouldBe(["b/1", "b/10", "b/2"]);
        listed[0].Document.ShouldBe(new Counter(5));
        listed[0].StreamVersion.ShouldBe(1);
    }

    [Fact]
    public async Task ListDocumentRange_descending_lists_the_prefix_from_the_highest_id_down()
    {
        var projection = await SaveRangeDocumentsAsync("a", "b/2", "b/10", "b/1", "c");

        var listed = await Store.ListDocumentsAsync<Counter>(projection, new DocumentRange("b/", null, 10, Descending: true));

        listed.Select(d => d.Id).ShouldBe(["b/2", "b/10", "b/1"]);
    }

    [Fact]
    public async Task ListDocumentRange_pages_by_cursor_to_an_empty_page_after_the_last_id()
    {
        var projection = await SaveRangeDocumentsAsync("p1", "p2", "p3", "p4", "p5", "q");

        var first = await Store.ListDocumentsAsync<Counter>(projection, new DocumentRange("p", null, 2));
        var second = await Store.ListDocumentsAsync<Counter>(projection, new DocumentRange("p", first[^1].Id, 2));
        var third = await Store.ListDocumentsAsync<Counter>(projection, new DocumentRange("p", second[^1].Id, 2));
        var past = await Store.ListDocumentsAsync<Counter>(projection, new DocumentRange("p", third[^1].Id, 2));
        var back = await Store.ListDocumentsAsync<Counter>(projection, new DocumentRange("p", "p3", 10, Descending: true));

        first.Select(d => d.Id).ShouldBe(["p1", "p2"]);
        second.Select(d => d.Id).ShouldBe(["p3", "p4"]);
        third.Select(d => d.Id).ShouldBe(["p5"]);
        past.ShouldBeEmpty();
        back.Select(d => d.Id).ShouldBe(["p2", "p1"]);
        (await Store.ListDocumentsAsync<Counter>(projection, new DocumentRange("p", "p1", 10, Descending: true))).ShouldBeEmpty();
    }

    [Fact]
    public async Task ListDocumentRange_treats_percent_and_underscore_in_the_prefix_literally()
    {
        var projection = await SaveRangeDocumentsAsync("50%/a", "50%/b", "50x/a", "500/a", "a_b", "axb", "a_c");

        (await Store.ListDocumentsAsync<Counter>(projection, new DocumentRange("50%", null, 10))).Select(d => d.Id).ShouldBe(["50%/a", "50%/b"]);
        (await Store.ListDocumentsAsync<Counter>(projection, new DocumentRange("a_", null, 10))).Select(d => d.Id).ShouldBe(["a_b", "a_c"]);
    }

    [Fact]
    public async Task ListDocumentRange_with_an_empty_prefix_lists_every_id_and_respects_MaxCount()
    {
        var projection = await SaveRangeDocumentsAsync("c", "a", "\u00e9", "b", "\U0001F600");

        (await Store.ListDocumentsAsync<Counter>(projection, new DocumentRange("", null, 10))).Select(d => d.Id).ShouldBe(["a", "b", "c", "\u00e9", "\U0001F600"]);
        (await Store.ListDocumentsAsync<Counter>(projection, new DocumentRange("", null, 2))).Select(d => d.Id).ShouldBe(["a", "b"]);
        (await Store.ListDocumentsAsync<Counter>(projection, new DocumentRange("", null, 2, Descending: true))).Select(d => d.Id).ShouldBe(["\U0001F600", "\u00e9"]);
        (await Store.ListDocumentsAsync<Counter>(projection, new DocumentRange("", null, 0))).ShouldBeEmpty();
    }

    [Fact]
    public async Task ListDocumentRange_skips_tombstones_and_still_fills_the_page()
    {
        var projection = await SaveRangeDocumentsAsync("k1", "k2", "k3", "k4", "k5");
        await Store.AppendAsync(TestEvents.StreamId(), ExpectedVersion.NoStream, TestEvents.Numbers(1),
            [ProjectionDocument.Delete(projection, "k2"), ProjectionDocument.Delete(projection, "k3")]);

        (await Store.ListDocumentsAsync<Counter>(projection, new DocumentRange("k", null, 2))).Select(d => d.Id).ShouldBe(["k1", "k4"]);
        (await Store.ListDocumentsAsync<Counter>(projection, new DocumentRange("k", "k4", 2, Descending: true))).Select(d => d.Id).ShouldBe(["k1"]);
    }

    // Each document's count is its position in ids (1-based), each written by an append of one event.
    private async Task<string> SaveRangeDocumentsAsync(params string[] ids)
    {
        var projection = $"range-{Guid.NewGuid():N}";
        await Store.AppendAsync(TestEvents.StreamId(), ExpectedVersion.NoStream, TestEvents.Numbers(1),
            [.. ids.Select((id, i) => new ProjectionDocument(projection, id, new Counter(i + 1)))]);
        return projection;
    }
}
