using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace EventStore.Sqlite;

/// <summary>The SQL of projection rebuilds (see <see cref="IProjectionRebuilds"/>).</summary>
internal static class SqliteRebuildStatements
{
    public const string SelectCheckpoint = "SELECT position, rebuilding FROM projection_checkpoints WHERE projection = @projection;";

    public const string StartFresh =
        "DELETE FROM documents_rebuild WHERE projection = @projection; " +
        "INSERT INTO projection_checkpoints (projection, position, rebuilding, updated_at) VALUES (@projection, 0, 1, @now) " +
        "ON CONFLICT (projection) DO UPDATE SET position = 0, rebuilding = 1, updated_at = @now;";

    public const string LoadRebuild = $"SELECT data, stream_version, updated_at FROM documents_rebuild WHERE projection = @projection AND {Tombstone.Excluded};";

    public const string MoveCheckpoint = "UPDATE projection_checkpoints SET position = @checkpoint, updated_at = @now WHERE projection = @projection;";

    // Run inside one write transaction: SQLite renames are transactional, so readers see the old or the new table.
    public const string Swap =
        "DELETE FROM documents_rebuild WHERE projection <> @projection; " +
        "INSERT INTO documents_rebuild SELECT * FROM documents WHERE projection <> @projection; " +
        "ALTER TABLE documents RENAME TO documents_swap; ALTER TABLE documents_rebuild RENAME TO documents; " +
        "ALTER TABLE documents_swap RENAME TO documents_rebuild; DELETE FROM documents_rebuild; " +
        "UPDATE projection_checkpoints SET rebuilding = 0, updated_at = @now WHERE projection = @projection;";

    public static string Upsert(string table, IReadOnlyList<VersionedDocument> documents, IReadOnlyList<string> json, bool onlyNewer, SqliteParameterCollection parameters)
    {
        var sql = new StringBuilder($"INSERT INTO {table} (projection, id, data, stream_version, updated_at) VALUES ");
        for (var i = 0; i < documents.Count; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            sql.Append(i > 0 ? "," : string.Empty).Append("(@projection, @id").Append(n).Append(", @data").Append(n).Append(", ")
                .Append(documents[i].StreamVersion.ToString(CultureInfo.InvariantCulture)).Append(", @now)");
            parameters.AddWithValue("@id" + n, documents[i].Id);
            parameters.AddWithValue("@data" + n, json[i]);
        }

        return sql.Append(" ON CONFLICT (projection, id) DO UPDATE SET data = excluded.data, stream_version = excluded.stream_version, updated_at = excluded.updated_at")
            .Append(onlyNewer ? $" WHERE excluded.stream_version > {table}.stream_version;" : ";").ToString();
    }
}
