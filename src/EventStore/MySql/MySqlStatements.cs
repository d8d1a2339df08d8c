using System.Globalization;
using System.Text;
using MySqlConnector;

namespace EventStore.MySql;

/// <summary>The SQL only the MySQL store sends (the rest is in <see cref="Sql.SqlStatements"/>). The schema itself lives in migrations/.</summary>
internal static partial class MySqlStatements
{
    private const string HeaderColumns = "position, stream_id, version, type, IF(LOCATE(CONCAT(',', type, ','), @types) > 0, data, NULL)";

    /// <summary>
    /// Opens the append transaction and locks the stream row. READ COMMITTED so that locking a stream that
    /// does not exist yet takes no gap lock (two creators would otherwise deadlock instead of conflicting).
    /// </summary>
    public const string BeginAndLockStream =
        "SET TRANSACTION ISOLATION LEVEL READ COMMITTED; START TRANSACTION; " +
        "SELECT version FROM streams WHERE stream_id = @stream FOR UPDATE;";

    /// <summary>A write that changes the stream row only if it is at @version, so that it certifies on Galera.</summary>
    public const string ConfirmAbsent = "UPDATE event_positions SET confirmations = confirmations + 1 WHERE id = 1;";

    public const string ConfirmVersion = "UPDATE streams SET confirmations = confirmations + 1 WHERE stream_id = @stream AND version = @version;";

    /// <summary>
    /// The global order as a projection folds it: the payload only for types listed in @types (",a,b,"), so the
    /// rest of the row never leaves the server.
    /// </summary>
    public const string ReadAllHeaders = $"SELECT {HeaderColumns} FROM events WHERE position >= @from ORDER BY position LIMIT @max;";

    /// <summary>
    /// Raises (or creates at 1) the counter of sequence @name and reports the new value as LAST_INSERT_ID(): on a
    /// duplicate key the UPDATE's LAST_INSERT_ID(expr) is evaluated after the VALUES one, so it wins.
    /// </summary>
    public const string NextSequenceNumber =
        "INSERT INTO sequence_numbers (name, last_value) VALUES (@name, LAST_INSERT_ID(1)) " +
        "ON DUPLICATE KEY UPDATE last_value = LAST_INSERT_ID(last_value + 1);";

    public const string Rollback = "ROLLBACK;";

    /// <summary>
    /// Opens a group commit's transaction and locks the rows of the streams it writes (in key order, as one statement
    /// does), so that their versions can be checked before anything is written. READ COMMITTED, as in
    /// <see cref="BeginAndLockStream"/>: a stream that does not exist takes no gap lock.
    /// </summary>
    public static string BeginAndLockStreams(IReadOnlyCollection<string> streamIds, MySqlParameterCollection parameters)
    {
        var sql = new StringBuilder("SET TRANSACTION ISOLATION LEVEL READ COMMITTED; START TRANSACTION; SELECT stream_id, version FROM streams WHERE stream_id IN (");
        var i = 0;
        foreach (var streamId in streamIds)
        {
            var name = "@s" + Number(i);
            sql.Append(i++ > 0 ? "," : string.Empty).Append(name);
            parameters.AddWithValue(name, streamId);
        }

        return sql.Append(") FOR UPDATE;").ToString();
    }

    /// <summary>
    /// Writes documents in the transaction <see cref="BeginAndLockStream"/> opened (the stream row is locked), then
    /// commits; with <paramref name="confirm"/>, first <see cref="ConfirmVersion"/>. @now (and @stream, @version) must be set.
    /// </summary>
    public static MySqlWriteScript SaveDocuments(IReadOnlyList<PreparedDocument> documents, long streamVersion, bool confirm, MySqlParameterCollection parameters)
    {
        var script = new MySqlWriteScript();
        if (confirm)
            script.StatementMatching(ConfirmVersion, 1);
        Documents(script, documents.Select(d => (d, streamVersion, "@now")), parameters);
        return script;
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
