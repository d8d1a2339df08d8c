using EventStore.MySql;
using EventStore.Sql;
using EventStore.Tests.Contract;

namespace EventStore.Tests;

public sealed class MySqlEventStoreTests(MySqlDatabase database) : EventStoreContract, IClassFixture<MySqlDatabase>
{
    protected override SqlEventStore Store => field ??= new MySqlEventStore(database.ConnectionString, TestEvents.Map(), Time);

    protected override Task<IAsyncDisposable> HoldDocumentAsync(string documentId) => MySqlLocks.HoldDocumentAsync(database.ConnectionString, documentId);

    protected override Task WaitUntilAnAppendIsBlockedAsync() => MySqlLocks.WaitUntilALockWaitsAsync(database.ConnectionString);
}
