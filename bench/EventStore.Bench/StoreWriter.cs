using EventStore.MySql;

namespace EventStore.Bench;

/// <summary>Appends through the real <see cref="MySqlEventStore"/>, always with the exact expected version, as a command handler would.</summary>
internal sealed class StoreWriter(MySqlEventStore store, int batchSize) : IBatchWriter
{
    private readonly string _streamId = $"user-{Guid.CreateVersion7():N}";
    private long _version;

    public async Task WriteAsync()
    {
        var correlationId = Guid.CreateVersion7();
        var events = new NewEvent[batchSize];
        for (var i = 0; i < events.Length; i++)
            events[i] = NewEvent.For(UserSignedIn.Random(), correlationId);

        var result = await store.AppendAsync(_streamId, ExpectedVersion.Exactly(_version), events);
        _version = result.StreamVersion;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
