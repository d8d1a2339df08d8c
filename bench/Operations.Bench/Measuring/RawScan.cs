using System.Text.Json;
using Booking.Core.Serialization;
using Booking.Core.TicketedEvents;
using EventStore;
using MySqlConnector;

namespace Operations.Bench.Measuring;

/// <summary>How much a <see cref="RawScan"/> does with each row, from the bare read up to what the store's ReadAll does.</summary>
internal enum RowWork
{
    /// <summary>Every column read into its CLR value; the payload stays a string.</summary>
    Values,

    /// <summary>Also the payload turned into its event with System.Text.Json.</summary>
    Json,

    /// <summary>Also a <see cref="RecordedEvent"/> built as the store builds it (ids from big-endian bytes, UTC time).</summary>
    RecordedEvent,
}

/// <summary>
/// The ceiling under the store's ReadAll: the same keyset pages of the events table read straight through
/// MySqlConnector, one pooled connection per page as the store does, with or without the store's locking clause,
/// doing more or less with each row (<see cref="RowWork"/>), streaming the rows or keeping each page in a list.
/// </summary>
internal sealed class RawScan(string connectionString, string sql, RowWork work, bool keepPage = false)
{
    public const string PlainSelect =
        "SELECT position, event_id, stream_id, version, type, data, recorded_at FROM events WHERE position >= @from ORDER BY position LIMIT @max;";

    /// <summary>The store's ReadAll statement without its locking clause.</summary>
    public const string StoreSelectUnlocked =
        "SET TRANSACTION ISOLATION LEVEL READ COMMITTED; " +
        "SELECT position, event_id, stream_id, version, type, data, correlation_id, causation_id, recorded_at FROM events WHERE position >= @from ORDER BY position LIMIT @max";

    /// <summary>The store's ReadAll statement as it is (MySqlStatements.ReadAll).</summary>
    public const string StoreSelect = StoreSelectUnlocked + " LOCK IN SHARE MODE;";

    // The store's own type map and options, so that the converters and the source-generated contracts are the same.
    private static readonly JsonSerializerOptions JsonOptions = BookingEventTypes.CreateMap().JsonOptions;

    private readonly List<object> _page = [];
    private long _sink;

    /// <summary>Reads every event once, <paramref name="pageSize"/> rows per statement; returns the events read.</summary>
    public async Task<long> RunAsync(int pageSize)
    {
        var (from, read) = (1L, 0L);
        while (true)
        {
            await using var connection = await BenchDatabase.OpenAsync(connectionString);
            await using var command = new MySqlCommand(sql, connection) { CommandTimeout = 0 };
            command.Parameters.AddWithValue("@from", from);
            command.Parameters.AddWithValue("@max", pageSize);
            var (rows, last) = await ReadPageAsync(command);
            if (rows == 0)
                return read;
            (from, read) = (last + 1, read + rows);
        }
    }

    private async Task<(int Rows, long Last)> ReadPageAsync(MySqlCommand command)
    {
        // A fresh list per page, as the store returns one: what is kept survives until the page is done with.
        _page.Clear();
        _page.Capacity = 0;
        await using var reader = await command.ExecuteReaderAsync();
        var (rows, last) = (0, 0L);
        // The store's statement starts with SET TRANSACTION, whose (empty) result comes first.
        do
        {
            while (await reader.ReadAsync())
            {
                last = reader.GetInt64(0);
                var row = Consume(reader);
                if (keepPage)
                    _page.Add(row);
                rows++;
            }
        }
        while (await reader.NextResultAsync());

        return (rows, last);
    }

    // Reads every column into its CLR value, as the store's ToRecordedEvent does, and keeps a checksum so no read is skipped.
    private object Consume(MySqlDataReader row)
    {
        var eventId = (byte[])row.GetValue(1);
        var streamId = row.GetString(2);
        var version = row.GetInt64(3);
        var type = row.GetString(4);
        var data = row.GetString(5);
        var last = row.FieldCount - 1;
        var correlation = last == 8 && !row.IsDBNull(6) ? (byte[])row.GetValue(6) : null;
        var causation = last == 8 && !row.IsDBNull(7) ? (byte[])row.GetValue(7) : null;
        var recordedAt = row.GetDateTime(last);
        if (work == RowWork.Values)
        {
            _sink += eventId[15] + streamId.Length + version + type.Length + data.Length + (correlation?.Length ?? 0) + (causation?.Length ?? 0) + recordedAt.Ticks;
            return data;
        }

        var @event = JsonSerializer.Deserialize(data, JsonOptions.GetTypeInfo(TicketedEventEventTypes.All[type]))!;
        if (work == RowWork.Json)
        {
            _sink += eventId[15] + streamId.Length + version + type.Length + (correlation?.Length ?? 0) + (causation?.Length ?? 0) + recordedAt.Ticks;
            return @event;
        }

        return new RecordedEvent(
            new Guid(eventId, bigEndian: true), streamId, version, row.GetInt64(0), type, @event, DateTime.SpecifyKind(recordedAt, DateTimeKind.Utc),
            correlation is null ? null : new Guid(correlation, bigEndian: true), causation is null ? null : new Guid(causation, bigEndian: true));
    }
}
