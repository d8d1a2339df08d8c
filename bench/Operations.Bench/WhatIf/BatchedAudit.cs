using Booking.Core.Auditing;
using Booking.Core.Serialization;
using Booking.Core.TicketedEvents;
using EventStore;
using MySqlConnector;

namespace Operations.Bench.WhatIf;

/// <summary>
/// What-if for a suggestion, not the code under test: <c>StoreAudit.AuditAllAsync</c> (same scan, same
/// <see cref="StreamAudit"/>) except that the next page is requested before the current one is checked, and the
/// stream rows and status documents are read with two statements at the end instead of two per stream.
/// </summary>
internal sealed class BatchedAudit(IEventStore store, string connectionString, int pageSize)
{
    private const string StreamPrefix = "ticketed-event-";

    public async Task<(long Events, IReadOnlyList<AuditViolation> Violations)> RunAsync()
    {
        var audits = new Dictionary<string, StreamAudit>(StringComparer.Ordinal);
        var read = 0L;
        var next = store.ReadAllAsync(1, pageSize);
        while (await next is { Count: > 0 } page)
        {
            next = store.ReadAllAsync(page[^1].Position + 1, pageSize);
            foreach (var recorded in page)
            {
                if (!recorded.StreamId.StartsWith(StreamPrefix, StringComparison.Ordinal))
                    continue;
                if (!audits.TryGetValue(recorded.StreamId, out var audit))
                    audits[recorded.StreamId] = audit = new StreamAudit(recorded.StreamId);
                audit.Observe(recorded.Version, recorded.TicketedEvent());
            }

            read += page.Count;
        }

        var versions = await StreamVersionsAsync();
        var statuses = (await store.ListDocumentsAsync<TicketedEventStatus>(BookingEventTypes.StatusProjection, int.MaxValue))
            .ToDictionary(d => d.Document.EventId.StreamId, d => d.Document, StringComparer.Ordinal);
        var violations = audits.Values
            .SelectMany(a => a.Finish(versions.TryGetValue(a.StreamId, out var v) ? v : null, statuses.GetValueOrDefault(a.StreamId)))
            .ToList();
        return (read, violations);
    }

    private async Task<Dictionary<string, long>> StreamVersionsAsync()
    {
        await using var connection = await BenchDatabase.OpenAsync(connectionString);
        await using var command = new MySqlCommand($"SELECT stream_id, version FROM streams WHERE stream_id LIKE '{StreamPrefix}%';", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var versions = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
            versions[reader.GetString(0)] = reader.GetInt64(1);
        return versions;
    }
}
