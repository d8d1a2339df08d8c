using System.Globalization;
using System.Text;
using MySqlConnector;

namespace EventStore.Bench;

/// <summary>
/// Writes the same rows as the store (same columns, 16-byte ids, same payload, DATETIME(6) time, same parameter
/// layout) to <c>raw_events</c> with hand-written SQL of the given <see cref="SqlShape"/>.
/// </summary>
internal sealed class ShapedWriter(string connectionString, SqlShape shape, int batchSize) : IBatchWriter
{
    private const string LockName = "CONCAT('bench.raw.', DATABASE())";

    private readonly string _streamId = $"user-{Guid.CreateVersion7():N}";
    private MySqlConnection? _held;
    private long _version;

    public async Task WriteAsync()
    {
        var connection = _held ?? await OpenAsync();
        try
        {
            if (shape.LockStreamFirst)
            {
                await using var lockStream = new MySqlCommand(
                    "SET TRANSACTION ISOLATION LEVEL READ COMMITTED; START TRANSACTION; SELECT version FROM raw_streams WHERE stream_id = @stream FOR UPDATE;",
                    connection);
                lockStream.Parameters.AddWithValue("@stream", _streamId);
                await lockStream.ExecuteScalarAsync();
            }

            await using var write = connection.CreateCommand();
            write.CommandText = Sql(write.Parameters);
            await write.ExecuteNonQueryAsync();
            _version += batchSize;
        }
        finally
        {
            if (!shape.HoldConnection)
                await connection.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_held is not null)
            await _held.DisposeAsync();
    }

    private async Task<MySqlConnection> OpenAsync()
    {
        var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        if (shape.HoldConnection)
            _held = connection;
        return connection;
    }

    private string Sql(MySqlParameterCollection parameters)
    {
        var now = DateTime.UtcNow;
        parameters.AddWithValue("@stream", _streamId);
        parameters.AddWithValue("@now", new DateTime(now.Ticks - (now.Ticks % 10), DateTimeKind.Utc));
        var newVersion = (_version + batchSize).ToString(CultureInfo.InvariantCulture);
        var sql = new StringBuilder(256 + (batchSize * 64));
        if (shape.Transaction && !shape.LockStreamFirst)
            sql.Append("SET TRANSACTION ISOLATION LEVEL READ COMMITTED; START TRANSACTION; ");
        if (shape.StreamRow)
        {
            sql.Append(_version == 0
                ? $"INSERT INTO raw_streams (stream_id, version, created_at, updated_at) VALUES (@stream, {newVersion}, @now, @now);"
                : $"UPDATE raw_streams SET updated_at = @now, version = {newVersion} WHERE stream_id = @stream;");
        }

        if (shape.NamedLock)
            sql.Append($" DO GET_LOCK({LockName}, 31536000);");
        sql.Append(" INSERT INTO raw_events (event_id, stream_id, version, type, data, correlation_id, causation_id, recorded_at) VALUES ");
        AppendRows(sql, parameters);
        sql.Append(';');
        if (shape.NamedLock)
            sql.Append($" SELECT LAST_INSERT_ID(); DO RELEASE_LOCK({LockName});");
        if (shape.Transaction)
            sql.Append(" COMMIT;");
        return sql.ToString();
    }

    private void AppendRows(StringBuilder sql, MySqlParameterCollection parameters)
    {
        var correlationId = Guid.CreateVersion7().ToByteArray(bigEndian: true);
        for (var i = 0; i < batchSize; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            sql.Append(i > 0 ? ",(@id" : "(@id").Append(n).Append(",@stream,").Append((_version + i + 1).ToString(CultureInfo.InvariantCulture))
                .Append(",@type").Append(n).Append(",@data").Append(n).Append(",@corr").Append(n).Append(",@cause").Append(n).Append(",@now)");
            parameters.AddWithValue("@id" + n, Guid.CreateVersion7().ToByteArray(bigEndian: true));
            parameters.AddWithValue("@type" + n, UserSignedIn.TypeName);
            parameters.AddWithValue("@data" + n, UserSignedIn.Random().ToJson());
            parameters.AddWithValue("@corr" + n, correlationId);
            parameters.AddWithValue("@cause" + n, null);
        }
    }
}
