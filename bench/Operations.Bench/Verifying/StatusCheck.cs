using Booking.Core.Serialization;
using Booking.Core.TicketedEvents;
using EventStore;

namespace Operations.Bench.Verifying;

/// <summary>Compares every status document in service with the expected one: same set of ids, equal documents, agreeing versions.</summary>
internal static class StatusCheck
{
    public static async Task<IReadOnlyList<string>> DifferencesAsync(IEventStore store, IReadOnlyDictionary<string, TicketedEventStatus> expected)
    {
        var stored = await store.ListDocumentsAsync<TicketedEventStatus>(BookingEventTypes.StatusProjection, int.MaxValue);
        var differences = new List<string>();
        if (stored.Count != expected.Count)
            differences.Add($"{stored.Count} documents, expected {expected.Count}");
        foreach (var document in stored)
        {
            var id = document.Document.EventId.Value.ToString();
            if (!expected.TryGetValue(id, out var want))
                differences.Add($"{id}: not expected");
            else if (document.Document != want)
                differences.Add($"{id}: {document.Document} instead of {want}");
            else if (document.StreamVersion != want.Version)
                differences.Add($"{id}: stored at stream version {document.StreamVersion}, document at {want.Version}");
        }

        return differences;
    }

    /// <summary>The documents in service now, to compare later runs against.</summary>
    public static async Task<IReadOnlyDictionary<string, TicketedEventStatus>> SnapshotAsync(IEventStore store) =>
        (await store.ListDocumentsAsync<TicketedEventStatus>(BookingEventTypes.StatusProjection, int.MaxValue))
            .ToDictionary(d => d.Document.EventId.Value.ToString(), d => d.Document, StringComparer.Ordinal);
}
