using System.Data.Common;
using System.Globalization;
using System.Text;

namespace EventStore.Sql;

/// <summary>
/// The SQL both providers send word for word. What differs (upserts, locks, the write scripts) is in
/// <c>MySqlStatements</c> and <c>SqliteStatements</c>; the schema itself lives in migrations/.
/// </summary>
internal static class SqlStatements
{
    private const string EventColumns = "position, event_id, stream_id, version, type, data, correlation_id, causation_id, recorded_at";

    public const string SelectStream = "SELECT stream_id, version, created_at, updated_at FROM streams WHERE stream_id = @stream;";

    public const string SelectStreamVersion = "SELECT version FROM streams WHERE stream_id = @stream;";

    public const string ReadStream =
        $"SELECT {EventColumns} FROM events WHERE stream_id = @stream AND version >= @from ORDER BY version LIMIT @max;";

    /// <summary>
    /// The global order: a plain (snapshot) read is enough, because both stores hand positions out in commit order
    /// (MySQL: the counter row, locked from the events INSERT to COMMIT, see <c>MySqlStatements.PositionsAndEvents</c>;
    /// SQLite: one writer at a time), so whatever a read shows is a prefix of the order: no high-water mark needed.
    /// </summary>
    public const string ReadAll = $"SELECT {EventColumns} FROM events WHERE position >= @from ORDER BY position LIMIT @max;";

    public const string HeadPosition = "SELECT COALESCE(MAX(position), 0) FROM events;";

    public const string ListDocuments =
        $"SELECT data, stream_version, updated_at FROM documents WHERE projection = @projection AND {Tombstone.Excluded} ORDER BY updated_at DESC LIMIT @max;";

    /// <summary>
    /// A page of a projection's live documents in id order (see <see cref="DocumentRange"/>): the prefix as a range
    /// on the key, @upper and @after only when the range has them; @projection, @prefix and @max always.
    /// </summary>
    public static string ListDocumentRange(bool upper, bool after, bool descending) =>
        "SELECT id, data, stream_version, updated_at FROM documents WHERE projection = @projection AND id >= @prefix" +
        (upper ? " AND id < @upper" : string.Empty) +
        (after ? (descending ? " AND id < @after" : " AND id > @after") : string.Empty) +
        $" AND {Tombstone.Excluded} ORDER BY id" + (descending ? " DESC" : string.Empty) + " LIMIT @max;";

    public const string LoadDocument =
        $"SELECT data, stream_version, updated_at FROM documents WHERE projection = @projection AND id = @id AND {Tombstone.Excluded};";

    /// <summary>Where the events of a refused append are stored, if they are (see <see cref="IdempotentAppend"/>).</summary>
    public static string SelectEventIdentities(IReadOnlyList<PreparedEvent> events, DbCommand command)
    {
        var sql = new StringBuilder("SELECT event_id, stream_id, version, position FROM events WHERE event_id IN (");
        for (var i = 0; i < events.Count; i++)
        {
            var name = "@id" + i.ToString(CultureInfo.InvariantCulture);
            sql.Append(i > 0 ? "," : string.Empty).Append(name);
            command.With(name, Guids.ToBytes(events[i].EventId));
        }

        return sql.Append(");").ToString();
    }

    // Projection rebuilds (see IProjectionRebuilds).
    public const string SelectCheckpoint = "SELECT position, rebuilding FROM projection_checkpoints WHERE projection = @projection;";

    public const string LoadRebuild = $"SELECT data, stream_version, updated_at FROM documents_rebuild WHERE projection = @projection AND {Tombstone.Excluded};";

    public const string MoveCheckpoint = "UPDATE projection_checkpoints SET position = @checkpoint, updated_at = @now WHERE projection = @projection;";

    /// <summary>
    /// The rows of a multi-row insert of rebuilt documents into <paramref name="table"/> (@projection and @now set by
    /// the caller); the provider appends what a row that exists becomes.
    /// </summary>
    public static StringBuilder InsertDocuments(string table, IReadOnlyList<VersionedDocument> documents, IReadOnlyList<string> json, DbCommand command)
    {
        var sql = new StringBuilder($"INSERT INTO {table} (projection, id, data, stream_version, updated_at) VALUES ");
        for (var i = 0; i < documents.Count; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            sql.Append(i > 0 ? "," : string.Empty).Append("(@projection, @id").Append(n).Append(", @data").Append(n).Append(", ")
                .Append(documents[i].StreamVersion.ToString(CultureInfo.InvariantCulture)).Append(", @now)");
            command.With("@id" + n, documents[i].Id);
            command.With("@data" + n, json[i]);
        }

        return sql;
    }
}
