using Booking.Web.Api;

namespace Booking.Reliability.Tests.Histories;

/// <summary>
/// Matches what clients were told against what the streams hold, Jepsen-style: every acknowledged book or cancel is in
/// its stream as answered; nothing is in a stream that no request asked for, or that was refused or never sent;
/// a request whose answer was lost (in flight) may be there or not; nobody holds a seat twice; no stream is ever
/// oversold. The workload books each user once per ticketed event, so (ticketed event, user, kind) names one request.
/// </summary>
internal static class HistoryCheck
{
    private static readonly FactKind[] Entries = [FactKind.Booked, FactKind.Waitlisted];
    private static readonly FactKind[] Exits = [FactKind.Cancelled, FactKind.LeftWaitlist];

    // failuresMayHaveCommitted: true when the database was killed, since a 5xx may then follow a commit whose
    // answer the service never received.
    public static HistoryVerdict Check(IReadOnlyCollection<Operation> operations, IReadOnlyList<StreamFacts> streams, bool failuresMayHaveCommitted)
    {
        var violations = new List<string>();
        var facts = streams.SelectMany(s => s.Facts.Select(f => (s.EventId, Fact: f)))
            .ToLookup(x => (x.EventId, x.Fact.UserId), x => x.Fact.Kind);
        foreach (var stream in streams)
            CheckStream(stream, violations);

        var (inFlightWritten, failedWritten) = (0, 0);
        foreach (var operation in operations)
        {
            if (!streams.Any(s => s.EventId == operation.EventId))
            {
                violations.Add($"{operation}: no stream for this ticketed event");
                continue;
            }

            var kinds = facts[(operation.EventId, operation.UserId)].ToList();
            var written = kinds.Intersect(operation.Kind == OperationKind.Book ? Entries : Exits).Any();
            switch (operation.Outcome)
            {
                case Outcome.Acknowledged when Answered(operation) is null:
                    violations.Add($"{operation}: unexpected answer");
                    break;
                case Outcome.Acknowledged when !kinds.Contains(Answered(operation)!.Value):
                    violations.Add($"{operation}: acknowledged but not in the stream (found: {string.Join(", ", kinds)})");
                    break;
                case Outcome.Rejected when IsDuplicateDelivery(operation):
                    if (!written)
                        violations.Add($"{operation}: says it had already happened, but the stream does not hold it");
                    break;
                case Outcome.Rejected or Outcome.NotSent when written:
                    violations.Add($"{operation}: refused or never sent, yet written ({string.Join(", ", kinds)})");
                    break;
                case Outcome.Failed when written && !failuresMayHaveCommitted:
                    violations.Add($"{operation}: answered 5xx, yet written ({string.Join(", ", kinds)})");
                    break;
                case Outcome.Failed when written:
                    failedWritten++;
                    break;
                case Outcome.InFlight when written:
                    inFlightWritten++;
                    break;
            }
        }

        var requested = operations.ToLookup(o => (o.EventId, o.UserId), o => o.Kind);
        foreach (var stream in streams)
        {
            foreach (var fact in stream.Facts.Where(f => f.Kind != FactKind.Promoted))
            {
                var kind = Entries.Contains(fact.Kind) ? OperationKind.Book : OperationKind.Cancel;
                if (!requested[(stream.EventId, fact.UserId)].Contains(kind))
                    violations.Add($"{fact.Kind} user {fact.UserId} at version {fact.Version} of {stream.EventId}: in the stream, but nobody asked for it");
            }
        }

        int Count(Outcome outcome) => operations.Count(o => o.Outcome == outcome);
        return new HistoryVerdict(
            violations, operations.Count, Count(Outcome.Acknowledged), Count(Outcome.Rejected), Count(Outcome.Failed), Count(Outcome.InFlight),
            Count(Outcome.NotSent), inFlightWritten, failedWritten, streams.Sum(s => s.Facts.Count));
    }

    private static void CheckStream(StreamFacts stream, List<string> violations)
    {
        var held = 0;
        foreach (var fact in stream.Facts)
        {
            held += fact.Kind switch { FactKind.Booked or FactKind.Promoted => 1, FactKind.Cancelled => -1, _ => 0 };
            if (held > stream.TotalTickets)
                violations.Add($"{stream.EventId} oversold at version {fact.Version}: {held} seats held of {stream.TotalTickets}");
        }

        foreach (var user in stream.Facts.GroupBy(f => f.UserId))
        {
            if (user.Count(f => Entries.Contains(f.Kind)) > 1 || user.Count(f => Exits.Contains(f.Kind)) > 1)
                violations.Add($"user {user.Key} of {stream.EventId}: written twice ({string.Join(", ", user.Select(f => $"{f.Kind}@{f.Version}"))})");
        }
    }

    private static FactKind? Answered(Operation operation) => (operation.Kind, operation.Answer) switch
    {
        (OperationKind.Book, "booked") => FactKind.Booked,
        (OperationKind.Book, "waitlisted") => FactKind.Waitlisted,
        (OperationKind.Cancel, "cancelled") => FactKind.Cancelled,
        (OperationKind.Cancel, "left-waitlist") => FactKind.LeftWaitlist,
        _ => null,
    };

    // A request delivered twice (a client retry on a reused connection) is answered "already" the second time.
    private static bool IsDuplicateDelivery(Operation operation) => operation.Answer is Problems.AlreadyBooked or Problems.AlreadyWaiting or Problems.NothingToCancel;
}
