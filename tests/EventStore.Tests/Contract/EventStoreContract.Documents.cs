namespace EventStore.Tests.Contract;

public abstract partial class EventStoreContract
{
    [Fact]
    public async Task ListDocuments_returns_most_recently_written_first()
    {
        var projection = $"list-{Guid.NewGuid():N}";
        for (var i = 1; i <= 3; i++)
        {
            Time.Advance(TimeSpan.FromSeconds(1));
            var stream = TestEvents.StreamId();
            await Store.AppendAsync(stream, ExpectedVersion.NoStream, TestEvents.Numbers(i), [new ProjectionDocument(projection, stream, new Counter(i))]);
        }

        var listed = await Store.ListDocumentsAsync<Counter>(projection, 2);

        listed.Select(d => d.Document.Count).ShouldBe([3, 2]);
        listed[0].StreamVersion.ShouldBe(3);
    }
}
