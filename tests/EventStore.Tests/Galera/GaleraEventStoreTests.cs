using EventStore.MySql;
using EventStore.Sql;
using EventStore.Tests.Contract;

namespace EventStore.Tests.Galera;

/// <summary>The store contract on a Galera cluster, every call through one node (the single-writer topology).</summary>
public sealed class GaleraEventStoreTests(GaleraDatabase database) : EventStoreContract, IClassFixture<GaleraDatabase>
{
    private MySqlEventStore? _store;

    protected override SqlEventStore Store => _store ??= new MySqlEventStore(database.Database.ConnectionStringThrough(0), TestEvents.Map(), Time);

    [Fact]
    public async Task Store_on_a_galera_node_detects_the_cluster()
    {
        await Store.ReadHeadPositionAsync();

        _store!.IsGalera.ShouldBe(true);
    }

    protected override Task<IAsyncDisposable> HoldDocumentAsync(string documentId) => MySqlLocks.HoldDocumentAsync(database.Database.ConnectionStringThrough(0), documentId);

    protected override Task WaitUntilAnAppendIsBlockedAsync() => MySqlLocks.WaitUntilALockWaitsAsync(database.Database.ConnectionStringThrough(0));
}
