using EventStore.MySql;
using MySqlConnector;

namespace EventStore.Tests.Bugs;

/// <summary>
/// Found with idempotency records, which no rebuild can restore: the MySQL swap copied other projections' documents
/// into the shadow table and then renamed the tables, so a document committed between the copy and the rename stayed
/// in the retired table and was deleted with it.
/// </summary>
public sealed class RebuildSwapDroppedDocumentsWrittenDuringIt(MySqlDatabase database) : IClassFixture<MySqlDatabase>
{
    [Fact]
    public async Task Swap_keeps_a_document_of_another_projection_committed_while_the_rename_waited()
    {
        var store = new MySqlEventStore(database.ConnectionString, TestEvents.Map());
        var (projection, other) = ($"rebuilt-{Guid.NewGuid():N}", $"other-{Guid.NewGuid():N}");
        await store.BeginRebuildAsync(projection, restart: true);

        // A writer already inside a transaction on documents: the swap's copy runs past it, its rename must wait.
        await using var writer = new MySqlConnection(database.ConnectionString);
        await writer.OpenAsync();
        var transaction = await writer.BeginTransactionAsync();
        await ExecuteAsync(writer, transaction, "UPDATE documents SET data = data WHERE projection = 'zzz-nothing' AND id = 'none';");
        var swap = store.SwapInAsync(projection);
        await WaitForRenameToWaitAsync();

        await ExecuteAsync(writer, transaction,
            $"INSERT INTO documents (projection, id, data, stream_version, updated_at) VALUES ('{other}', 'late', '{{\"count\":5}}', 1, UTC_TIMESTAMP(6));");
        await transaction.CommitAsync();
        await swap;

        (await store.LoadDocumentAsync<Counter>(other, "late")).ShouldNotBeNull("the document committed during the swap was lost");
    }

    private static async Task ExecuteAsync(MySqlConnection connection, MySqlTransaction transaction, string sql)
    {
        await using var command = new MySqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync();
    }

    private async Task WaitForRenameToWaitAsync()
    {
        await using var connection = new MySqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var waiting = new MySqlCommand(
            "SELECT COUNT(*) FROM information_schema.processlist WHERE state LIKE 'Waiting for table metadata lock%' AND info LIKE '%RENAME TABLE%';", connection);
        for (var attempt = 0; attempt < 400; attempt++)
        {
            if (Convert.ToInt64(await waiting.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0)
                return;
            await Task.Delay(25);
        }

        throw new TimeoutException("The swap never reached its rename.");
    }
}
