namespace EventStore.MySql;

/// <summary>The SQL of projection rebuilds (see <see cref="IProjectionRebuilds"/>).</summary>
internal static class MySqlRebuildStatements
{
    public const string StartFresh =
        "DELETE FROM documents_rebuild WHERE projection = @projection; " +
        "INSERT INTO projection_checkpoints (projection, position, rebuilding, updated_at) VALUES (@projection, 0, 1, @now) " +
        "ON DUPLICATE KEY UPDATE position = 0, rebuilding = 1, updated_at = @now;";

    // RENAME TABLE swaps all three names in one atomic step; appends writing documents wait for it and then
    // write to the table that is in service. Other projections' documents are copied across before the swap, and
    // once more after it: an append that committed between the first copy and the swap wrote to the table now
    // retired, and documents no rebuild can restore (stored idempotency answers) must not be lost with it.
    public const string Swap =
        "DELETE FROM documents_rebuild WHERE projection <> @projection; " +
        "INSERT INTO documents_rebuild SELECT * FROM documents WHERE projection <> @projection; " +
        "RENAME TABLE documents TO documents_swap, documents_rebuild TO documents, documents_swap TO documents_rebuild; " +
        "INSERT IGNORE INTO documents SELECT * FROM documents_rebuild WHERE projection <> @projection; " +
        "DELETE FROM documents_rebuild; " +
        "UPDATE projection_checkpoints SET rebuilding = 0, updated_at = @now WHERE projection = @projection;";

    /// <summary>What a row that exists becomes: replaced, or with <paramref name="onlyNewer"/> only by a higher stream version.</summary>
    public static string OnExistingDocument(bool onlyNewer) =>
        // Assignments run left to right, so stream_version is compared before it is raised.
        onlyNewer
            ? " ON DUPLICATE KEY UPDATE data = IF(VALUES(stream_version) > stream_version, VALUES(data), data), " +
              "updated_at = IF(VALUES(stream_version) > stream_version, VALUES(updated_at), updated_at), " +
              "stream_version = GREATEST(stream_version, VALUES(stream_version));"
            : " ON DUPLICATE KEY UPDATE data = VALUES(data), stream_version = VALUES(stream_version), updated_at = VALUES(updated_at);";
}
