using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace EventStore.Sqlite;

/// <summary>The SQL only the SQLite store sends (the rest is in <see cref="Sql.SqlStatements"/>). The schema itself lives in migrations/.</summary>
internal static class SqliteStatements
{
    /// <summary>The global order as a projection folds it: the payload only for types listed in @types (",a,b,").</summary>
    public const string ReadAllHeaders =
        "SELECT position, stream_id, version, type, CASE WHEN instr(@types, ',' || type || ',') > 0 THEN data END " +
        "FROM events WHERE position >= @from ORDER BY position LIMIT @max;";

    public const string NextSequenceNumber =
        "INSERT INTO sequence_numbers (name, last_value) VALUES (@name, 1) " +
        "ON CONFLICT (name) DO UPDATE SET last_value = last_value + 1 RETURNING last_value;";

    /// <summary>Writes the stream row, the events and the documents, and returns the last position written.</summary>
    public static string InsertEvents(PreparedAppend append, long previousVersion, SqliteParameterCollection parameters)
    {
        var newVersion = (previousVersion + append.Events.Count).ToString(CultureInfo.InvariantCulture);
        var sql = new StringBuilder(256 + (append.Events.Count * 64));
        parameters.AddWithValue("@stream", append.StreamId);
        parameters.AddWithValue("@now", SqliteTime.Format(append.RecordedAt));
        sql.Append(previousVersion == 0
            ? $"INSERT INTO streams (stream_id, version, created_at, updated_at) VALUES (@stream, {newVersion}, @now, @now);"
            : $"UPDATE streams SET version = {newVersion}, updated_at = @now WHERE stream_id = @stream;");

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
            parameters.AddWithValue("@corr" + n, (object?)Guids.ToBytes(e.CorrelationId) ?? DBNull.Value);
            parameters.AddWithValue("@cause" + n, (object?)Guids.ToBytes(e.CausationId) ?? DBNull.Value);
        }

        sql.Append("; SELECT last_insert_rowid();");
        AppendDocuments(sql, append.Documents, newVersion, parameters);
        return sql.ToString();
    }

    /// <summary>Writes documents carrying <paramref name="streamVersion"/>; @now must be set.</summary>
    public static string SaveDocuments(IReadOnlyList<PreparedDocument> documents, long streamVersion, SqliteParameterCollection parameters)
    {
        var sql = new StringBuilder(documents.Count * 160);
        AppendDocuments(sql, documents, streamVersion.ToString(CultureInfo.InvariantCulture), parameters);
        return sql.ToString();
    }

    // A claim (MustBeNew) is a plain INSERT: an existing row fails it with a primary-key constraint error.
    private static void AppendDocuments(StringBuilder sql, IReadOnlyList<PreparedDocument> documents, string streamVersion, SqliteParameterCollection parameters)
    {
        for (var i = 0; i < documents.Count; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            sql.Append(" INSERT INTO documents (projection, id, data, stream_version, updated_at) VALUES (@dp").Append(n)
                .Append(", @di").Append(n).Append(", @dd").Append(n).Append(", ").Append(streamVersion)
                .Append(documents[i].MustBeNew
                    ? ", @now);"
                    : ", @now) ON CONFLICT (projection, id) DO UPDATE SET data = excluded.data, stream_version = excluded.stream_version, updated_at = excluded.updated_at;");
            parameters.AddWithValue("@dp" + n, documents[i].Projection);
            parameters.AddWithValue("@di" + n, documents[i].Id);
            parameters.AddWithValue("@dd" + n, documents[i].Json);
        }
    }
}
