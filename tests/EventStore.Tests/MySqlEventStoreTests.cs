using EventBooking.Migrations;
using EventBooking.Testing;
using EventStore.MySql;
using EventStore.Sql;
using EventStore.Tests.Contract;

namespace EventStore.Tests;

public sealed class MySqlDatabase : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        ConnectionString = await MySqlServer.CreateDatabaseAsync("store");
        SchemaMigrator.MigrateUp(StoreProvider.MySql, ConnectionString);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

public sealed class MySqlEventStoreTests(MySqlDatabase database) : EventStoreContract, IClassFixture<MySqlDatabase>
{
    protected override SqlEventStore Store => field ??= new MySqlEventStore(database.ConnectionString, TestEvents.Map(), Time);

    protected override Task<IAsyncDisposable> HoldDocumentAsync(string documentId) => MySqlLocks.HoldDocumentAsync(database.ConnectionString, documentId);

    protected override Task WaitUntilAnAppendIsBlockedAsync() => MySqlLocks.WaitUntilALockWaitsAsync(database.ConnectionString);
}
