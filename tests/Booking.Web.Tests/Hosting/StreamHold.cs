using EventBooking.Migrations;
using Microsoft.Data.Sqlite;
using MySqlConnector;

namespace Booking.Web.Tests.Hosting;

/// <summary>
/// Blocks appends to a stream from outside the service until disposed: on MySQL by locking its stream row, on
/// SQLite by holding the database's one write lock. The service's append waits, as it would behind a slow disk.
/// </summary>
public sealed class StreamHold : IAsyncDisposable
{
    private readonly System.Data.Common.DbConnection _connection;
    private readonly System.Data.Common.DbTransaction _transaction;

    private StreamHold(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction) =>
        (_connection, _transaction) = (connection, transaction);

    public static async Task<StreamHold> TakeAsync(TestDatabase database, string streamId)
    {
        if (database.Provider == StoreProvider.MySql)
        {
            var mysql = new MySqlConnection(database.ConnectionString);
            await mysql.OpenAsync();
            var transaction = await mysql.BeginTransactionAsync();
            await using var lockRow = new MySqlCommand("SELECT version FROM streams WHERE stream_id = @stream FOR UPDATE;", mysql, transaction);
            lockRow.Parameters.AddWithValue("@stream", streamId);
            await lockRow.ExecuteScalarAsync();
            return new StreamHold(mysql, transaction);
        }

        var sqlite = new SqliteConnection(database.ConnectionString);
        await sqlite.OpenAsync();
        return new StreamHold(sqlite, sqlite.BeginTransaction(deferred: false));
    }

    public async ValueTask DisposeAsync()
    {
        await _transaction.RollbackAsync();
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
