using System.Globalization;
using System.Text;
using MySqlConnector;

namespace EventStore.MySql;

/// <summary>The SQL only the MySQL store sends (the rest is in <see cref="Sql.SqlStatements"/>). The schema itself lives in migrations/.</summary>
internal static class MySqlStatements
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
    /// Writes appends (one, or a group commit's) and commits, with one statement per kind of row however many appends:
    /// one <c>UPDATE streams ... CASE</c> whose matched rows are checked, one INSERT for the streams created (a stream
    /// that exists fails it with a duplicate key), one upsert for the documents, one INSERT for the claims, then the
    /// positions and the events in one INSERT. Appends to one stream follow each other in the list, each expecting the
    /// version the one before leaves. With <paramref name="versionsLocked"/> false the script opens the transaction
    /// itself and the UPDATE checks each stream's version: a stale one stops it before anything is inserted. Otherwise
    /// it runs in the transaction <see cref="BeginAndLockStream"/> or <see cref="BeginAndLockStreams"/> opened, every
    /// version already checked against the locked rows.
    /// Positions come from the counter row event_positions, raised just before the events INSERT and locked from
    /// there until COMMIT: appends take positions one after the other in commit order, without gaps (a rollback
    /// gives them back), and on Galera two nodes raising it at once conflict in certification. A snapshot read of
    /// the global order therefore never shows a position while a lower one is still to come.
    /// </summary>
    public static MySqlWriteScript ConditionalAppend(IReadOnlyList<VersionedAppend> appends, bool versionsLocked, MySqlParameterCollection parameters)
    {
        var script = new MySqlWriteScript();
        if (!versionsLocked)
            script.StartTransaction();
        AddAppendParameters(appends, parameters);
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        var last = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var a = 0; a < appends.Count; a++)
        {
            first.TryAdd(appends[a].Append.StreamId, a);
            last[appends[a].Append.StreamId] = a;
        }

        var updated = last.Where(s => appends[first[s.Key]].PreviousVersion > 0).Select(s => s.Value).ToList();
        if (updated.Count > 0)
        {
            var sql = new StringBuilder(120 + (updated.Count * 80));
            sql.Append("UPDATE streams SET version = CASE stream_id");
            foreach (var a in updated)
                sql.Append(" WHEN @s").Append(Number(a)).Append(" THEN ").Append(Number(appends[a].NewVersion));
            sql.Append(" END, updated_at = CASE stream_id");
            foreach (var a in updated)
                sql.Append(" WHEN @s").Append(Number(a)).Append(" THEN @now").Append(Number(a));
            sql.Append(" END WHERE stream_id IN (").AppendJoin(',', updated.Select(a => "@s" + Number(a))).Append(')');
            if (!versionsLocked)
            {
                sql.Append(" AND version = CASE stream_id");
                foreach (var a in updated)
                {
                    var streamFirst = first[appends[a].Append.StreamId];
                    sql.Append(" WHEN @s").Append(Number(streamFirst)).Append(" THEN ").Append(Number(appends[streamFirst].PreviousVersion));
                }

                sql.Append(" END");
            }

            script.StatementMatching(sql.Append(';').ToString(), updated.Count);
        }

        var created = first.Where(s => appends[s.Value].PreviousVersion == 0).ToList();
        if (created.Count > 0)
        {
            script.Statement(new StringBuilder("INSERT INTO streams (stream_id, version, created_at, updated_at) VALUES ")
                .AppendJoin(',', created.Select(s => $"(@s{Number(s.Value)}, {Number(appends[last[s.Key]].NewVersion)}, @now{Number(s.Value)}, @now{Number(last[s.Key])})"))
                .Append(';').ToString());
        }

        AppendDocuments(script, appends.SelectMany((a, i) => a.Append.Documents.Select(d => (d, a.NewVersion, "@now" + Number(i)))), parameters);
        AppendEvents(script, appends, parameters);
        return script;
    }

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
        AppendDocuments(script, documents.Select(d => (d, streamVersion, "@now")), parameters);
        return script;
    }

    // @s<n> is the stream and @now<n> the time of the n-th append.
    private static void AddAppendParameters(IReadOnlyList<VersionedAppend> appends, MySqlParameterCollection parameters)
    {
        for (var a = 0; a < appends.Count; a++)
        {
            parameters.AddWithValue("@s" + Number(a), appends[a].Append.StreamId);
            parameters.AddWithValue("@now" + Number(a), appends[a].Append.RecordedAt);
        }
    }

    private static void AppendEvents(MySqlWriteScript script, IReadOnlyList<VersionedAppend> appends, MySqlParameterCollection parameters)
    {
        var count = appends.Sum(a => a.Append.Events.Count);
        script.TakePositions(count);
        var sql = new StringBuilder(120 + (count * 100));
        sql.Append("INSERT INTO events (position, event_id, stream_id, version, type, data, correlation_id, causation_id, recorded_at) VALUES ");
        var n = 0;
        for (var a = 0; a < appends.Count; a++)
        {
            var (append, previousVersion) = appends[a];
            var appendNumber = Number(a);
            for (var i = 0; i < append.Events.Count; i++, n++)
            {
                var e = append.Events[i];
                var id = Number(n);
                sql.Append(n > 0 ? "," : string.Empty)
                    .Append('(').Append(script.PositionExpression(n))
                    .Append(",@id").Append(id).Append(",@s").Append(appendNumber).Append(',').Append(Number(previousVersion + i + 1))
                    .Append(",@type").Append(id).Append(",@data").Append(id).Append(",@corr").Append(id).Append(",@cause").Append(id)
                    .Append(",@now").Append(appendNumber).Append(')');
                parameters.AddWithValue("@id" + id, Guids.ToBytes(e.EventId));
                parameters.AddWithValue("@type" + id, e.Type);
                parameters.AddWithValue("@data" + id, e.Json);
                parameters.AddWithValue("@corr" + id, Guids.ToBytes(e.CorrelationId));
                parameters.AddWithValue("@cause" + id, Guids.ToBytes(e.CausationId));
            }
        }

        script.Statement(sql.Append(';').ToString());
    }

    // Documents are upserted in one statement (a later row for the same id wins, as a later write would), then claims
    // (MustBeNew) are inserted in another: a claim that exists, also one written by the upsert just before, fails the
    // batch with a duplicate key (1062) before COMMIT.
    private static void AppendDocuments(MySqlWriteScript script, IEnumerable<(PreparedDocument Document, long StreamVersion, string Now)> documents, MySqlParameterCollection parameters)
    {
        var rows = documents.Select((d, i) =>
        {
            var n = Number(i);
            parameters.AddWithValue("@dp" + n, d.Document.Projection);
            parameters.AddWithValue("@di" + n, d.Document.Id);
            parameters.AddWithValue("@dd" + n, d.Document.Json);
            return (d.Document.MustBeNew, Row: $"(@dp{n}, @di{n}, @dd{n}, {Number(d.StreamVersion)}, {d.Now})");
        }).ToList();

        var upserts = rows.Where(r => !r.MustBeNew).Select(r => r.Row).ToList();
        if (upserts.Count > 0)
        {
            script.Statement(new StringBuilder("INSERT INTO documents (projection, id, data, stream_version, updated_at) VALUES ").AppendJoin(',', upserts)
                .Append(" ON DUPLICATE KEY UPDATE data = VALUES(data), stream_version = VALUES(stream_version), updated_at = VALUES(updated_at);").ToString());
        }

        var claims = rows.Where(r => r.MustBeNew).Select(r => r.Row).ToList();
        if (claims.Count > 0)
            script.Statement(new StringBuilder("INSERT INTO documents (projection, id, data, stream_version, updated_at) VALUES ").AppendJoin(',', claims).Append(';').ToString());
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
