using System.Globalization;
using System.Text;
using MySqlConnector;

namespace EventStore.MySql;

// The append's write script: one statement per kind of row however many appends it writes (one, or a group commit's),
// built below in the order the statements run. Appends to one stream follow each other in the list, each expecting
// the version the one before leaves. Append n's stream is the parameter StreamOf(n) and its time TimeOf(n).
internal static partial class MySqlStatements
{
    /// <summary>
    /// The one-round-trip append: opens the transaction itself, and the UPDATE of the stream rows that exist checks each
    /// stream's version (<see cref="VersionsAsExpected"/>), so a stale one stops the script before anything is
    /// inserted; a stream expected not to exist is checked by its INSERT (one that exists fails it with a duplicate key).
    /// </summary>
    public static MySqlWriteScript ConditionalAppend(IReadOnlyList<VersionedAppend> appends, MySqlParameterCollection parameters)
    {
        AddAppendParameters(appends, parameters);
        var streams = StreamRows.Of(appends);
        var script = new MySqlWriteScript().StartTransaction();
        if (streams.Updated.Count > 0)
            script.StatementMatching(UpdateStreams(appends, streams.Updated) + VersionsAsExpected(appends, streams.Updated) + ";", streams.Updated.Count);
        return WriteRows(script, appends, streams, parameters);
    }

    /// <summary>
    /// The append in the transaction <see cref="BeginAndLockStream"/> or <see cref="BeginAndLockStreams"/> opened, every
    /// version already checked against the locked rows.
    /// </summary>
    public static MySqlWriteScript AppendToLockedStreams(IReadOnlyList<VersionedAppend> appends, MySqlParameterCollection parameters)
    {
        AddAppendParameters(appends, parameters);
        var streams = StreamRows.Of(appends);
        var script = new MySqlWriteScript();
        if (streams.Updated.Count > 0)
            script.StatementMatching(UpdateStreams(appends, streams.Updated) + ";", streams.Updated.Count);
        return WriteRows(script, appends, streams, parameters);
    }

    // What follows the UPDATE in both: the streams created, the documents, then the positions and the events.
    private static MySqlWriteScript WriteRows(MySqlWriteScript script, IReadOnlyList<VersionedAppend> appends, StreamRows streams, MySqlParameterCollection parameters)
    {
        if (streams.Created.Count > 0)
            script.Statement(InsertStreams(appends, streams.Created));
        Documents(script, appends.SelectMany((a, i) => a.Append.Documents.Select(d => (d, a.NewVersion, TimeOf(i)))), parameters);
        PositionsAndEvents(script, appends, parameters);
        return script;
    }

    private static string StreamOf(int append) => "@s" + Number(append);

    private static string TimeOf(int append) => "@now" + Number(append);

    // The time goes as a string, which the DATETIME(6) columns read as it is: MySqlConnector would send a DateTime as
    // timestamp('...'), a function call in every event and document row for the server to parse and evaluate.
    private static void AddAppendParameters(IReadOnlyList<VersionedAppend> appends, MySqlParameterCollection parameters)
    {
        for (var a = 0; a < appends.Count; a++)
        {
            parameters.AddWithValue(StreamOf(a), appends[a].Append.StreamId);
            parameters.AddWithValue(TimeOf(a), appends[a].Append.RecordedAt.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture));
        }
    }

    // The streams that exist: one UPDATE moves each to the version its last append leaves (matched rows are checked).
    private static string UpdateStreams(IReadOnlyList<VersionedAppend> appends, IReadOnlyList<StreamRow> streams)
    {
        var sql = new StringBuilder(120 + (streams.Count * 80)).Append("UPDATE streams SET version = CASE stream_id");
        foreach (var s in streams)
            sql.Append(" WHEN ").Append(StreamOf(s.Last)).Append(" THEN ").Append(Number(appends[s.Last].NewVersion));
        sql.Append(" END, updated_at = CASE stream_id");
        foreach (var s in streams)
            sql.Append(" WHEN ").Append(StreamOf(s.Last)).Append(" THEN ").Append(TimeOf(s.Last));
        return sql.Append(" END WHERE stream_id IN (").AppendJoin(',', streams.Select(s => StreamOf(s.Last))).Append(')').ToString();
    }

    // The UPDATE's version check: each stream must be at the version its first append expects.
    private static string VersionsAsExpected(IReadOnlyList<VersionedAppend> appends, IReadOnlyList<StreamRow> streams)
    {
        var sql = new StringBuilder(" AND version = CASE stream_id");
        foreach (var s in streams)
            sql.Append(" WHEN ").Append(StreamOf(s.First)).Append(" THEN ").Append(Number(appends[s.First].PreviousVersion));
        return sql.Append(" END").ToString();
    }

    // The streams created: one INSERT, which a stream that exists meanwhile fails with a duplicate key.
    private static string InsertStreams(IReadOnlyList<VersionedAppend> appends, IReadOnlyList<StreamRow> streams) =>
        new StringBuilder("INSERT INTO streams (stream_id, version, created_at, updated_at) VALUES ")
            .AppendJoin(',', streams.Select(s => $"({StreamOf(s.First)}, {Number(appends[s.Last].NewVersion)}, {TimeOf(s.First)}, {TimeOf(s.Last)})"))
            .Append(';').ToString();

    // Documents are upserted in one statement (a later row for the same id wins, as a later write would), then claims
    // (MustBeNew) are inserted in another: a claim that exists, also one written by the upsert just before, fails the
    // batch with a duplicate key (1062) before COMMIT.
    private static void Documents(MySqlWriteScript script, IEnumerable<(PreparedDocument Document, long StreamVersion, string Now)> documents, MySqlParameterCollection parameters)
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

    /// <summary>
    /// The positions, then the events: the script's last two writes, and where the gap-safe global order (ADR 0002, by
    /// the counter row of ADR 0009) is enforced. The positions come from the one row of event_positions, raised here
    /// and locked from here until COMMIT, so appends take positions one after the other in commit order, without gaps
    /// (a rollback gives them back), and on Galera two nodes raising it at once conflict in certification: a snapshot
    /// read of the global order never shows a position while a lower one is still to come. Last, so that the lock every
    /// append waits for is held only for the events INSERT and the COMMIT.
    /// </summary>
    private static void PositionsAndEvents(MySqlWriteScript script, IReadOnlyList<VersionedAppend> appends, MySqlParameterCollection parameters)
    {
        var count = appends.Sum(a => a.Append.Events.Count);
        script.TakePositions(count);
        var sql = new StringBuilder(120 + (count * 100));
        sql.Append("INSERT INTO events (position, event_id, stream_id, version, type, data, correlation_id, causation_id, recorded_at) VALUES ");
        var n = 0;
        for (var a = 0; a < appends.Count; a++)
        {
            var (append, previousVersion) = appends[a];
            for (var i = 0; i < append.Events.Count; i++, n++)
            {
                var e = append.Events[i];
                var id = Number(n);
                sql.Append(n > 0 ? "," : string.Empty)
                    .Append('(').Append(script.PositionExpression(n))
                    .Append(",@id").Append(id).Append(',').Append(StreamOf(a)).Append(',').Append(Number(previousVersion + i + 1))
                    .Append(",@type").Append(id).Append(",@data").Append(id).Append(",@corr").Append(id).Append(",@cause").Append(id)
                    .Append(',').Append(TimeOf(a)).Append(')');
                parameters.AddWithValue("@id" + id, Guids.ToBytes(e.EventId));
                parameters.AddWithValue("@type" + id, e.Type);
                parameters.AddWithValue("@data" + id, e.Json);
                parameters.AddWithValue("@corr" + id, Guids.ToBytes(e.CorrelationId));
                parameters.AddWithValue("@cause" + id, Guids.ToBytes(e.CausationId));
            }
        }

        script.Statement(sql.Append(';').ToString());
    }

    /// <summary>A stream the appends write: its first append (which expects the stream's version) and its last (which leaves the version written).</summary>
    private readonly record struct StreamRow(int First, int Last);

    /// <summary>The streams the appends write, in the order they first appear: those that exist, and those created.</summary>
    private sealed record StreamRows(List<StreamRow> Updated, List<StreamRow> Created)
    {
        public static StreamRows Of(IReadOnlyList<VersionedAppend> appends)
        {
            var rows = new List<StreamRow>();
            var byStream = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var a = 0; a < appends.Count; a++)
            {
                if (byStream.TryGetValue(appends[a].Append.StreamId, out var row))
                    rows[row] = rows[row] with { Last = a };
                else
                {
                    byStream.Add(appends[a].Append.StreamId, rows.Count);
                    rows.Add(new StreamRow(a, a));
                }
            }

            return new([.. rows.Where(s => appends[s.First].PreviousVersion > 0)], [.. rows.Where(s => appends[s.First].PreviousVersion == 0)]);
        }
    }
}
