using EventStore.Sql;
using Microsoft.Extensions.Time.Testing;

namespace EventStore.Tests.Contract;

/// <summary>
/// The behaviour every store provider must have. Subclassed once per provider; the subclass supplies a store
/// over a freshly migrated database and the provider-specific way to hold an append open mid-transaction.
/// </summary>
public abstract partial class EventStoreContract
{
    protected static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 34, 56, TimeSpan.Zero);

    protected FakeTimeProvider Time { get; } = new(Now.AddTicks(1234567));

    /// <summary>A store over the subclass's migrated database, using <see cref="TestEvents.Map"/> and <see cref="Time"/>.</summary>
    protected abstract SqlEventStore Store { get; }

    /// <summary>
    /// Makes the next append that writes document ("held", <paramref name="documentId"/>) stop inside its
    /// transaction, after its events are inserted where the provider allows, until the returned handle is disposed.
    /// </summary>
    protected abstract Task<IAsyncDisposable> HoldDocumentAsync(string documentId);

    /// <summary>Waits until an append is blocked by <see cref="HoldDocumentAsync"/>.</summary>
    protected abstract Task WaitUntilAnAppendIsBlockedAsync();
}
