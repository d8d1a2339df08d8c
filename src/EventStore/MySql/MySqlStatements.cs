using System.Globalization;
using System.Text;
using MySqlConnector;

namespace EventStore.MySql;

/// <summary>Every SQL statement the MySQL store sends, in one place. The schema itself lives in migrations/.</summary>
internal static class MySqlStatements
{
    private const string EventColumns = "position, event_id, stream_id, version, type, data, correlation_id, causation_id, recorded_at";

    private const string HeaderColumns = "position, stream_id, version, type, IF(LOCATE(CONCAT(',', type, ','), @types) > 0, data, NULL)";

    /// <summary>
    /// Opens the append transaction and locks the stream row. READ COMMITTED so that locking a stream that
    /// does not exist yet takes no gap lock (two creators would otherwise deadlock instead of conflicting).
    /// </summary>
    public const string BeginAndLockStream =
        "SET TRANSACTION ISOLATION LEVEL READ COMMITTED; START TRANSACTION; " +
        "SELECT version FROM streams WHERE stream_id = @stream FOR UPDATE;";

    public const string SelectStream = "SELECT stream_id, version, created_at, updated_at FROM streams WHERE stream_id = @stream;";

    public const string SelectStreamVersion = "SELECT version FROM streams WHERE stream_id = @stream;";

    public const string ReadStream =
        $"SELECT {EventColumns} FROM events WHERE stream_id = @stream AND version >= @from ORDER BY version LIMIT @max;";

    /// <summary>A plain (snapshot) read of the global order: safe to return when it shows no gap.</summary>
    public const string ReadAll = $"SELECT {EventColumns} FROM events WHERE position >= @from ORDER BY position LIMIT @max;";

    /// <summary>
    /// A locking read: it waits for uncommitted rows in the range instead of passing over them, so an append that
    /// commits late is never skipped (see <see cref="ConditionalAppend"/> for why every such row is already in the index).
    /// </summary>
    public const string ReadAllLocking =
        "SET TRANSACTION ISOLATION LEVEL READ COMMITTED; " +
        $"SELECT {EventColumns} FROM events WHERE position >= @from ORDER BY position LIMIT @max LOCK IN SHARE MODE;";

    /// <summary>
    /// The global order as a projection folds it: the payload only for types listed in @types (",a,b,"), so the
    /// rest of the row never leaves the server.
    /// </summary>
    public const string ReadAllHeaders = $"SELECT {HeaderColumns} FROM events WHERE position >= @from ORDER BY position LIMIT @max;";

    /// <summary>The locking form of <see cref="ReadAllHeaders"/>, for the same reason as <see cref="ReadAllLocking"/>.</summary>
    public const string ReadAllHeadersLocking =
        "SET TRANSACTION ISOLATION LEVEL READ COMMITTED; " +
        $"SELECT {HeaderColumns} FROM events WHERE position >= @from ORDER BY position LIMIT @max LOCK IN SHARE MODE;";

    public const string HeadPosition = "SELECT COALESCE(MAX(position), 0) FROM events;";

    public const string ListDocuments =
        "SELECT data, stream_version, updated_at FROM documents WHERE projection = @projection ORDER BY updated_at DESC LIMIT @max;";

    public const string LoadDocument =
        "SELECT data, stream_version, updated_at FROM documents WHERE projection = @projection AND id = @id;";

    public const string ReleaseAndRollback = "DO RELEASE_LOCK(CONCAT('eventstore.append.', DATABASE())); ROLLBACK;";

    /// <summary>
    /// Writes the stream row, the events and the documents if the stream is at <paramref name="previousVersion"/>,
    /// then commits: one round trip. The stream row is written first. If the conditional UPDATE matched nothing, the
    /// guard fails the batch with error 1242 before anything is inserted, so a refused append burns no global
    /// position; creating a stream that exists fails with a duplicate key just as early.
    /// The named lock is held only around the events INSERT, so global positions are allocated and their rows
    /// placed in the index one append at a time; a reader that sees position p can then rely on every lower
    /// position being either in the index (and waited for by its locking read) or never to exist. Commits still
    /// run in parallel. The only result row is the first global position written.
    /// </summary>
    public static string ConditionalAppend(PreparedAppend append, long previousVersion, bool startTransaction, MySqlParameterCollection parameters)
    {
        var newVersion = (previousVersion + append.Events.Count).ToString(CultureInfo.InvariantCulture);
        var sql = new StringBuilder(320 + (append.Events.Count * 64));
        parameters.AddWithValue("@stream", append.StreamId);
        parameters.AddWithValue("@now", append.RecordedAt);
        // The exact path locks only the stream row by its key, so the default isolation level is as good as any.
        if (startTransaction)
            sql.Append("START TRANSACTION; ");
        sql.Append(previousVersion == 0
            ? $"INSERT INTO streams (stream_id, version, created_at, updated_at) VALUES (@stream, {newVersion}, @now, @now); "
            : $"UPDATE streams SET version = {newVersion}, updated_at = @now WHERE stream_id = @stream AND version = {previousVersion.ToString(CultureInfo.InvariantCulture)}; ");
        sql.Append(StreamNotWrittenGuard);

        sql.Append(" DO GET_LOCK(CONCAT('eventstore.append.', DATABASE()), 31536000);");
        sql.Append(" INSERT INTO events (event_id, stream_id, version, type, data, correlation_id, causation_id, recorded_at) VALUES ");
        for (var i = 0; i < append.Events.Count; i++)
        {
            var e = append.Events[i];
            var n = i.ToString(CultureInfo.InvariantCulture);
            sql.Append(i > 0 ? "," : string.Empty)
                .Append("(@id").Append(n).Append(",@stream,").Append((previousVersion + i + 1).ToString(CultureInfo.InvariantCulture))
                .Append(",@type").Append(n).Append(",@data").Append(n).Append(",@corr").Append(n).Append(",@cause").Append(n).Append(",@now)");
            parameters.AddWithValue("@id" + n, Guids.ToBytes(e.EventId));
            parameters.AddWithValue("@type" + n, e.Type);
            parameters.AddWithValue("@data" + n, e.Json);
            parameters.AddWithValue("@corr" + n, Guids.ToBytes(e.CorrelationId));
            parameters.AddWithValue("@cause" + n, Guids.ToBytes(e.CausationId));
        }

        sql.Append("; SELECT LAST_INSERT_ID(); DO RELEASE_LOCK(CONCAT('eventstore.append.', DATABASE()));");
        AppendDocuments(sql, append.Documents, newVersion, parameters);
        return sql.Append(" COMMIT;").ToString();
    }

    /// <summary>
    /// Writes documents in the transaction <see cref="BeginAndLockStream"/> opened (the stream row is locked), then
    /// commits. @now must be set.
    /// </summary>
    public static string SaveDocuments(IReadOnlyList<PreparedDocument> documents, long streamVersion, MySqlParameterCollection parameters)
    {
        var sql = new StringBuilder(documents.Count * 160);
        AppendDocuments(sql, documents, streamVersion.ToString(CultureInfo.InvariantCulture), parameters);
        return sql.Append(" COMMIT;").ToString();
    }

    // A claim (MustBeNew) is a plain INSERT: an existing row fails the batch with a duplicate key (1062) before COMMIT.
    private static void AppendDocuments(StringBuilder sql, IReadOnlyList<PreparedDocument> documents, string streamVersion, MySqlParameterCollection parameters)
    {
        for (var i = 0; i < documents.Count; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            sql.Append(" INSERT INTO documents (projection, id, data, stream_version, updated_at) VALUES (@dp").Append(n)
                .Append(", @di").Append(n).Append(", @dd").Append(n).Append(", ").Append(streamVersion)
                .Append(documents[i].MustBeNew
                    ? ", @now);"
                    : ", @now) ON DUPLICATE KEY UPDATE data = VALUES(data), stream_version = VALUES(stream_version), updated_at = VALUES(updated_at);");
            parameters.AddWithValue("@dp" + n, documents[i].Projection);
            parameters.AddWithValue("@di" + n, documents[i].Id);
            parameters.AddWithValue("@dd" + n, documents[i].Json);
        }
    }

    // A scalar subquery that yields two rows when the stream row was not written: MySQL and MariaDB both stop the
    // batch with error 1242 there (DO would not evaluate it; SET does).
    private const string StreamNotWrittenGuard = "SET @es_guard = (SELECT 1 UNION ALL SELECT 2 FROM DUAL WHERE ROW_COUNT() <> 1);";

    public static string SelectEventIdentities(IReadOnlyList<PreparedEvent> events, MySqlParameterCollection parameters)
    {
        var sql = new StringBuilder("SELECT event_id, stream_id, version, position FROM events WHERE event_id IN (");
        for (var i = 0; i < events.Count; i++)
        {
            var name = "@id" + i.ToString(CultureInfo.InvariantCulture);
            sql.Append(i > 0 ? "," : string.Empty).Append(name);
            parameters.AddWithValue(name, Guids.ToBytes(events[i].EventId));
        }

        return sql.Append(");").ToString();
    }
}
