using EventStore.Sql;
using EventStore.Sqlite;
using EventStore.Tests.Contract;
using Microsoft.Data.Sqlite;

namespace EventStore.Tests;

public sealed class SqliteEventStoreTests(SqliteDatabase database) : EventStoreContract, IClassFixture<SqliteDatabase>
{
    protected override SqlEventStore Store => field ??= new SqliteEventStore(database.ConnectionString, TestEvents.Map(), Time);

    // SQLite has one writer at a time: holding a write transaction stops every append before it starts.
    protected override async Task<IAsyncDisposable> HoldDocumentAsync(string documentId)
    {
        var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        var transaction = connection.BeginTransaction(deferred: false);
        return new Held(connection, transaction);
    }

    protected override Task WaitUntilAnAppendIsBlockedAsync() => Task.Delay(200);

    private sealed class Held(SqliteConnection connection, SqliteTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await transaction.RollbackAsync();
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}
