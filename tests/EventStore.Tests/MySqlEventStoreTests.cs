using EventBooking.Migrations;
using EventBooking.Testing;
using EventStore.MySql;
using EventStore.Tests.Contract;
using MySqlConnector;

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
    protected override IEventStore Store => field ??= new MySqlEventStore(database.ConnectionString, TestEvents.Map(), Time);

    protected override async Task<IAsyncDisposable> HoldDocumentAsync(string documentId)
    {
        var connection = new MySqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using (var insert = new MySqlCommand(
            "INSERT INTO documents (projection, id, data, stream_version, updated_at) VALUES ('held', @id, '{}', 0, UTC_TIMESTAMP(6));", connection))
        {
            insert.Parameters.AddWithValue("@id", documentId);
            await insert.ExecuteNonQueryAsync();
        }

        var transaction = await connection.BeginTransactionAsync();
        await using var lockRow = new MySqlCommand("SELECT data FROM documents WHERE projection = 'held' AND id = @id FOR UPDATE;", connection, transaction);
        lockRow.Parameters.AddWithValue("@id", documentId);
        await lockRow.ExecuteScalarAsync();
        return new Held(connection, transaction);
    }

    protected override async Task WaitUntilAnAppendIsBlockedAsync()
    {
        await using var connection = new MySqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var waiting = new MySqlCommand("SELECT COUNT(*) FROM information_schema.innodb_trx WHERE trx_state = 'LOCK WAIT';", connection);
        for (var attempt = 0; attempt < 200 && Convert.ToInt64(await waiting.ExecuteScalarAsync()) == 0; attempt++)
            await Task.Delay(25);
    }

    private sealed class Held(MySqlConnection connection, MySqlTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await transaction.RollbackAsync();
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}
