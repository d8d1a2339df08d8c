using Booking.Core.Auditing;
using Booking.Core.Serialization;
using EventStore.MySql;

namespace Booking.Reliability.Tests.Histories;

/// <summary>
/// Everything checked after a run: the history against the streams (<see cref="HistoryVerdict"/>), the audit of the
/// whole store, and every process's status route against the folds.
/// </summary>
internal sealed record Verification(
    HistoryVerdict History, int StreamsAudited, IReadOnlyList<AuditViolation> AuditViolations, IReadOnlyList<string> StatusMismatches)
{
    /// <summary>Where every request and its answer were written when something did not hold (null otherwise).</summary>
    public string? HistoryFile { get; private init; }

    public bool Holds => History.Holds && AuditViolations.Count == 0 && StatusMismatches.Count == 0;

    /// <summary>
    /// <paramref name="failuresMayHaveCommitted"/>: true when the database was killed, since a 503 may then follow a
    /// commit whose answer the service never received.
    /// </summary>
    public static async Task<Verification> RunAsync(
        string connectionString, RecordingClient client, IReadOnlyList<long> events, bool failuresMayHaveCommitted)
    {
        ArgumentNullException.ThrowIfNull(client);
        var store = new MySqlEventStore(connectionString, BookingEventTypes.CreateMap());
        var options = new HistoryOptions(UnavailableMayHaveCommitted: failuresMayHaveCommitted, RedeliveryPossible: true);
        var history = await HistoryVerdict.JudgeAsync(store, client.Operations, events, options);
        var (audited, violations, _) = await new StoreAudit(store).AuditAllAsync(null, CancellationToken.None);

        var mismatches = new List<string>();
        for (var endpoint = 0; endpoint < client.Endpoints.Count; endpoint++)
        {
            foreach (var eventId in events)
            {
                var status = await client.StatusAsync(endpoint, eventId);
                var fold = history.Fold(eventId);
                var folded = (fold.TotalTickets, fold.Available, fold.WaitingCount);
                if (status != folded)
                    mismatches.Add($"process #{endpoint}: status of {eventId} is {status}, the stream folds to {folded}");
            }
        }

        var verification = new Verification(history, audited, violations, mismatches);
        return verification.Holds ? verification : verification with { HistoryFile = history.WriteHistory() };
    }

    public string Describe() =>
        $"{History.Figures}; audit of {StreamsAudited} stream(s): {AuditViolations.Count} violation(s); {StatusMismatches.Count} status mismatch(es)\n" +
        (HistoryFile is null ? string.Empty : $"every request and answer: {HistoryFile}\n") +
        History.Describe(20) + "\n" +
        string.Join('\n', AuditViolations.Take(20).Select(v => $"audit: {v}")) + "\n" +
        string.Join('\n', StatusMismatches.Take(20));
}
