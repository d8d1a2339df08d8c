namespace EventStore.Bench;

/// <summary>One writer of a scenario. It owns its stream, so writers never conflict with one another.</summary>
internal interface IBatchWriter : IAsyncDisposable
{
    /// <summary>Writes one batch of events durably (one append, or one INSERT) and returns when it is committed.</summary>
    Task WriteAsync();
}
