namespace Booking.Reliability.Tests.Histories;

/// <summary>What the history check found: violations (empty when the log and the answers agree) and the figures.</summary>
internal sealed record HistoryVerdict(
    IReadOnlyList<string> Violations,
    int Requests,
    int Acknowledged,
    int Rejected,
    int Failed,
    int InFlight,
    int NotSent,
    int InFlightWritten,
    int FailedWritten,
    int FactsChecked)
{
    public string Figures =>
        $"{Requests} requests: {Acknowledged} acknowledged, {Rejected} rejected, {Failed} failed (5xx), {InFlight} in flight " +
        $"({InFlightWritten} of them written), {NotSent} refused; {FailedWritten} failed ones written; {FactsChecked} recorded events checked";

    public string Describe(int max) =>
        Violations.Count == 0 ? "no violations" : $"{Violations.Count} violation(s):\n" + string.Join('\n', Violations.Take(max));
}
