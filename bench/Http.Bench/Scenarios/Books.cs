using System.Globalization;
using Http.Bench.Api;
using Http.Bench.Load;

namespace Http.Bench.Scenarios;

/// <summary>
/// The books after a run: for every ticketed event, the seats and waiting places the answers add up to must be what
/// the status read model holds, and no request may have failed or gone unanswered (warm-ups included). A generator that
/// stops with requests in flight (wrk) leaves up to <c>inFlightAtStop</c> bookings that no answer counted: the booked
/// count may then exceed the answers' by at most that many, and the check says so.
/// </summary>
internal sealed record Books(bool Balanced, string Detail)
{
    public static async Task<Books> CheckAsync(ServiceApi api, IReadOnlyList<long> eventIds, IReadOnlyList<LoadResult> runs, long inFlightAtStop = 0)
    {
        var counts = Tally.Merge(runs.Select(r => r.Tally)).ByEvent;
        long expectedBooked = 0, statusBooked = 0, expectedWaiting = 0, statusWaiting = 0;
        var mismatches = new List<string>();
        foreach (var id in eventIds)
        {
            var status = await api.StatusAsync(id);
            var expected = counts.GetValueOrDefault(id) ?? new EventCounts();
            expectedBooked += expected.ExpectedBooked;
            expectedWaiting += expected.ExpectedWaiting;
            statusBooked += status.Booked;
            statusWaiting += status.WaitingListCount;
            var uncounted = status.Booked - expected.ExpectedBooked;
            if (uncounted < 0 || uncounted > inFlightAtStop || expected.ExpectedWaiting != status.WaitingListCount)
            {
                mismatches.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{id}: answers say {expected.ExpectedBooked} booked / {expected.ExpectedWaiting} waiting, status says {status.Booked} / {status.WaitingListCount}"));
            }
        }

        var lost = runs.Sum(r => r.Lost);
        var errors = runs.Sum(r => r.Errors);
        var detail = string.Create(CultureInfo.InvariantCulture,
            $"{eventIds.Count} event(s): booked by the answers {expectedBooked:N0}, by status {statusBooked:N0}; waiting {expectedWaiting:N0} / {statusWaiting:N0}; unanswered {lost:N0}, errors {errors:N0}");
        if (inFlightAtStop > 0)
            detail += string.Create(CultureInfo.InvariantCulture, $" (status may exceed the answers by the at most {inFlightAtStop:N0} requests wrk left in flight when it stopped)");
        if (mismatches.Count > 0)
            detail += $"; {mismatches.Count} mismatch(es), first: {mismatches[0]}";
        return new Books(mismatches.Count == 0 && errors == 0, detail);
    }
}
