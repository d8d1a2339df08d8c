namespace EventStore.Sqlite;

/// <summary>The SQL of projection rebuilds (see <see cref="IProjectionRebuilds"/>) that only SQLite speaks.</summary>
internal static class SqliteRebuildStatements
{
    public const string StartFresh =
        "DELETE FROM documents_rebuild WHERE projection = @projection; " +
        "INSERT INTO projection_checkpoints (projection, position, rebuilding, updated_at) VALUES (@projection, 0, 1, @now) " +
        "ON CONFLICT (projection) DO UPDATE SET position = 0, rebuilding = 1, updated_at = @now;";

    // Run inside one write transaction: SQLite renames are transactional, so readers see the old or the new table.
    public const string Swap =
        "DELETE FROM documents_rebuild WHERE projection <> @projection; " +
        "INSERT INTO documents_rebuild SELECT * FROM documents WHERE projection <> @projection; " +
        "ALTER TABLE documents RENAME TO documents_swap; ALTER TABLE documents_rebuild RENAME TO documents; " +
        "ALTER TABLE documents_swap RENAME TO documents_rebuild; DELETE FROM documents_rebuild; " +
        "UPDATE projection_checkpoints SET rebuilding = 0, updated_at = @now WHERE projection = @projection;";

    /// <summary>What a row of <paramref name="table"/> that exists becomes: replaced, or with <paramref name="onlyNewer"/> only by a higher stream version.</summary>
    public static string OnExistingDocument(string table, bool onlyNewer) =>
        " ON CONFLICT (projection, id) DO UPDATE SET data = excluded.data, stream_version = excluded.stream_version, updated_at = excluded.updated_at" +
        (onlyNewer ? $" WHERE excluded.stream_version > {table}.stream_version;" : ";");
}
