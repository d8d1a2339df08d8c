using System.Data.Common;
using Booking.Core.Serialization;
using Booking.Core.TicketedEvents;
using Booking.Web.Tests.Hosting;
using EventBooking.Migrations;
using Microsoft.Data.Sqlite;
using MySqlConnector;

namespace Booking.Web.Tests.Reliability;

/// <summary>
/// Everything a rejected request must leave as it was: raw row counts of the store's tables (read behind the store's
/// back), the global head position, every recorded event (stream, version, position, type) and every stream's
/// version and status document as the store reports them.
/// </summary>
public sealed record LogSnapshot(string RowCounts, long HeadPosition, string Events, string Streams)
{
    public static async Task<LogSnapshot> TakeAsync(BookingHost host)
    {
        var all = await host.Store.ReadAllAsync(0, int.MaxValue);
        var streams = new List<string>();
        foreach (var streamId in all.Select(e => e.StreamId).Distinct().Order(StringComparer.Ordinal))
        {
            var stream = await host.Store.GetStreamAsync(streamId);
            var eventId = ((TicketsInitialized)all.First(e => e.StreamId == streamId).Data).TicketedEventId;
            var status = await host.Store.LoadDocumentAsync<TicketedEventStatus>(BookingEventTypes.StatusProjection, eventId.DocumentKey);
            streams.Add($"{streamId}@{stream?.Version} status {status?.StreamVersion}: {status?.Document}");
        }

        return new(
            await RowCountsAsync(host.Database),
            await host.Store.ReadHeadPositionAsync(),
            string.Join("\n", all.Select(e => $"{e.Position} {e.StreamId}@{e.Version} {e.EventType}")),
            string.Join("\n", streams));
    }

    private static async Task<string> RowCountsAsync(TestDatabase database)
    {
        await using DbConnection connection = database.Provider == StoreProvider.MySql
            ? new MySqlConnection(database.ConnectionString)
            : new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT COUNT(*) FROM events), (SELECT COUNT(*) FROM streams), (SELECT COUNT(*) FROM documents);";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return $"events {reader.GetInt64(0)}, streams {reader.GetInt64(1)}, documents {reader.GetInt64(2)}";
    }
}
