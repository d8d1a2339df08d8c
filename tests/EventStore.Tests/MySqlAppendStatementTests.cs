using EventStore.MySql;
using MySqlConnector;

namespace EventStore.Tests;

/// <summary>
/// Pins the shape of the MySQL append: one statement per kind of row however many appends, the stream rows first, the
/// position counter raised just before the events (the gap-safe global order), one round trip ending in COMMIT.
/// </summary>
public sealed class MySqlAppendStatementTests
{
    private const string UpdateStreams =
        "UPDATE streams SET version = CASE stream_id WHEN @s2 THEN 5 END, updated_at = CASE stream_id WHEN @s2 THEN @now2 END WHERE stream_id IN (@s2)";

    private const string Guard = "SET @es_guard = (SELECT 1 UNION ALL SELECT 2 FROM DUAL WHERE ROW_COUNT() <> 1);";

    private const string Rows =
        "INSERT INTO streams (stream_id, version, created_at, updated_at) VALUES (@s1, 2, @now1, @now1); " +
        "INSERT INTO documents (projection, id, data, stream_version, updated_at) VALUES (@dp0, @di0, @dd0, 2, @now1) " +
        "ON DUPLICATE KEY UPDATE data = VALUES(data), stream_version = VALUES(stream_version), updated_at = VALUES(updated_at); " +
        "INSERT INTO documents (projection, id, data, stream_version, updated_at) VALUES (@dp1, @di1, @dd1, 5, @now2); " +
        "UPDATE event_positions SET last = LAST_INSERT_ID(last + 4) WHERE id = 1; " +
        "INSERT INTO events (position, event_id, stream_id, version, type, data, correlation_id, causation_id, recorded_at) VALUES " +
        "(LAST_INSERT_ID() - 3,@id0,@s0,4,@type0,@data0,@corr0,@cause0,@now0)," +
        "(LAST_INSERT_ID() - 2,@id1,@s1,1,@type1,@data1,@corr1,@cause1,@now1)," +
        "(LAST_INSERT_ID() - 1,@id2,@s1,2,@type2,@data2,@corr2,@cause2,@now1)," +
        "(LAST_INSERT_ID() - 0,@id3,@s2,5,@type3,@data3,@corr3,@cause3,@now2); " +
        "COMMIT;";

    [Fact]
    public void ConditionalAppend_opens_the_transaction_and_checks_every_version_in_the_update_of_the_stream_rows()
    {
        var parameters = new MySqlCommand().Parameters;

        var sql = MySqlStatements.ConditionalAppend(Group(), parameters).AsOneCommand();

        sql.ShouldBe($"START TRANSACTION; {UpdateStreams} AND version = CASE stream_id WHEN @s0 THEN 3 END; {Guard} {Rows}");
        parameters.Count.ShouldBe(32);
    }

    [Fact]
    public void ConditionalAppend_sends_the_time_as_text_to_the_microsecond_so_no_row_calls_a_function()
    {
        var parameters = new MySqlCommand().Parameters;

        MySqlStatements.ConditionalAppend(Group(), parameters);

        // A DateTime would go as timestamp('...'), a call in every event and document row.
        parameters["@now0"].Value.ShouldBe("2026-12-01 00:00:00.123456");
    }

    [Fact]
    public void AppendToLockedStreams_runs_in_the_open_transaction_and_checks_only_how_many_stream_rows_it_updates()
    {
        var parameters = new MySqlCommand().Parameters;

        var sql = MySqlStatements.AppendToLockedStreams(Group(), parameters).AsOneCommand();

        sql.ShouldBe($"{UpdateStreams}; {Guard} {Rows}");
        parameters.Count.ShouldBe(32);
    }

    // Two appends to an existing stream (at 3, then 4) around one that creates a stream; an upsert and a claim.
    private static List<VersionedAppend> Group()
    {
        var now = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(1_234_567);
        return
        [
            new(new PreparedAppend("s-a", [Event()], [], now), 3),
            new(new PreparedAppend("s-b", [Event(), Event()], [new PreparedDocument("status", "b", "{}", MustBeNew: false)], now), 0),
            new(new PreparedAppend("s-a", [Event()], [new PreparedDocument("keys", "k", "{}", MustBeNew: true)], now), 4),
        ];
    }

    private static PreparedEvent Event() => new(Guid.CreateVersion7(), "something-happened", "{}", null, null);
}
