using System.Globalization;
using MySqlConnector;

namespace EventStore.Tests;

/// <summary>How the MySQL contract suites hold an append inside its transaction: a lock on the document row it must write.</summary>
internal static class MySqlLocks
{
    /// <summary>Inserts document ("held", <paramref name="documentId"/>) and keeps it locked until the handle is disposed.</summary>
    public static async Task<IAsyncDisposable> HoldDocumentAsync(string connectionString, string documentId)
    {
        var connection = new MySqlConnection(connectionString);
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

    /// <summary>Waits (up to 5 s) until a transaction on the server waits for a row lock.</summary>
    public static async Task WaitUntilALockWaitsAsync(string connectionString)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        await using var waiting = new MySqlCommand("SELECT COUNT(*) FROM information_schema.innodb_trx WHERE trx_state = 'LOCK WAIT';", connection);
        for (var attempt = 0; attempt < 200 && Convert.ToInt64(await waiting.ExecuteScalarAsync(), CultureInfo.InvariantCulture) == 0; attempt++)
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
