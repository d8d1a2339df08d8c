using Booking.Core.Auditing;
using Booking.Core.Serialization;
using EventStore.MySql;

namespace Booking.Reliability.Tests.Histories;

/// <summary>Everything checked after a run: the history against the streams, the store audit, and every process's status route against the folds.</summary>
internal sealed record Verification(
    HistoryVerdict History, int StreamsAudited, IReadOnlyList<AuditViolation> AuditViolations, IReadOnlyList<string> StatusMismatches)
{
    /// <summary>Where every request and its answer were written when something did not hold (null otherwise).</summary>
    public string? HistoryFile { get; private init; }

    public bool Holds => History.Violations.Count == 0 && AuditViolations.Count == 0 && StatusMismatches.Count == 0;

    public static async Task<Verification> RunAsync(
        string connectionString, RecordingClient client, IReadOnlyList<long> events, bool failuresMayHaveCommitted)
    {
        ArgumentNullException.ThrowIfNull(client);
        var store = new MySqlEventStore(connectionString, BookingEventTypes.CreateMap());
        var streams = new List<StreamFacts>();
        foreach (var id in events)
            streams.Add(await StreamFacts.ReadAsync(store, id));
        var history = HistoryCheck.Check(client.Operations, streams, failuresMayHaveCommitted);
        var (audited, violations, _) = await new StoreAudit(store).AuditAllAsync(null, CancellationToken.None);

        var mismatches = new List<string>();
        for (var endpoint = 0; endpoint < client.Endpoints.Count; endpoint++)
        {
            foreach (var stream in streams)
            {
                var status = await client.StatusAsync(endpoint, stream.EventId);
                var folded = (stream.TotalTickets, stream.TotalTickets - stream.Held, stream.Waiting);
                if (status != folded)
                    mismatches.Add($"process #{endpoint}: status of {stream.EventId} is {status}, the stream folds to {folded}");
            }
        }

        var verification = new Verification(history, audited, violations, mismatches);
        if (verification.Holds)
            return verification;
        var file = Path.Combine(Path.GetTempPath(), $"eventbooking-history-{DateTime.UtcNow:yyyyMMdd-HHmmss}.txt");
        await File.WriteAllLinesAsync(file, client.Operations.Select(o => o.ToString()));
        return verification with { HistoryFile = file };
    }

    public string Describe() =>
        $"{History.Figures}; audit of {StreamsAudited} stream(s): {AuditViolations.Count} violation(s); {StatusMismatches.Count} status mismatch(es)\n" +
        (HistoryFile is null ? string.Empty : $"every request and answer: {HistoryFile}\n") +
        History.Describe(20) + "\n" +
        string.Join('\n', AuditViolations.Take(20).Select(v => $"audit: {v}")) + "\n" +
        string.Join('\n', StatusMismatches.Take(20));
}
