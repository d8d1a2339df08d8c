using Booking.Web.Api;
using Booking.Web.Tests.Hosting;

namespace Booking.Web.Tests.Reliability;

/// <summary>
/// One stampede: 200 users rush at a fresh ticketed event with a few seats, spread over the given hosts. Exactly that
/// many must be booked and the rest queued at positions 1..(200 − N) once each; the stream's fold (booked users,
/// waiting order), its audit, the status document and every answer must agree.
/// </summary>
public static class LastSeatStampede
{
    public const int Customers = 200;

    /// <summary>One stampede; <paramref name="settle"/> runs between the rush and the checks (see GaleraCluster.WaitUntilAppliedAsync).</summary>
    public static async Task<(int Booked, int Waitlisted, int Events)> RunAsync(BookingHost[] hosts, int tickets, int repetition, Func<Task>? settle = null)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        var context = $"{tickets} ticket(s), repetition {repetition}";
        var name = $"Stampede {tickets}/{repetition}";
        var clients = hosts.Select(h => h.CreateBookingClient()).ToArray();
        var eventId = await clients[0].NewEventAsync(tickets, name);
        var recorder = new HistoryRecorder();

        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var rush = Enumerable.Range(1, Customers).Select(user => Task.Run(async () =>
        {
            await gate.Task;
            return await recorder.BookAsync(clients[user % clients.Length].Http, user, eventId, user);
        })).ToArray();
        gate.SetResult();
        await Task.WhenAll(rush);
        var operations = recorder.Operations;

        var booked = operations.Where(o => o.Answer.Outcome == Outcome.Booked).Select(o => o.UserId).ToList();
        var waitlisted = operations.Where(o => o.Answer.Outcome == Outcome.Waitlisted).OrderBy(o => o.Answer.Position).ToList();
        operations.ShouldAllBe(o => o.Answer.Outcome == Outcome.Booked || o.Answer.Outcome == Outcome.Waitlisted, context);
        booked.Count.ShouldBe(tickets, context);
        waitlisted.Select(o => o.Answer.Position!.Value).ShouldBe(Enumerable.Range(1, Customers - tickets), context);

        if (settle is not null)
            await settle();
        var state = await hosts[0].ReplayAsync(eventId);
        state.Version.ShouldBe(1 + Customers, context);
        state.Booked.Select(u => u.Value).Order().ShouldBe(booked.Order(), context);
        state.WaitingInOrder.Select(u => u.Value).ShouldBe(waitlisted.Select(o => o.UserId), context);
        foreach (var client in clients)
            (await client.StatusOfAsync(eventId)).Status.ShouldBe(new StatusResponse(eventId, name, tickets, 0, Customers - tickets), context);

        var verdict = await HistoryVerdict.JudgeAsync(hosts[0].Store, operations, [eventId], new HistoryOptions());
        verdict.ShouldBeClean(context);
        foreach (var client in clients)
            client.Http.Dispose();
        return (booked.Count, waitlisted.Count, verdict.EventsChecked);
    }

    /// <summary>Runs <paramref name="repetitions"/> stampedes, <paramref name="overlap"/> at a time, and sums them up.</summary>
    public static async Task<(int Booked, int Waitlisted, int Events)> RepeatAsync(BookingHost[] hosts, int tickets, int repetitions, int overlap, Func<Task>? settle = null)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        // One at a time: a factory is not meant to be started from two threads at once.
        foreach (var host in hosts)
            host.StartServer();
        var totals = new int[3];
        await Parallel.ForEachAsync(Enumerable.Range(1, repetitions), new ParallelOptions { MaxDegreeOfParallelism = overlap }, async (repetition, _) =>
        {
            var (booked, waitlisted, events) = await RunAsync(hosts, tickets, repetition, settle);
            Interlocked.Add(ref totals[0], booked);
            Interlocked.Add(ref totals[1], waitlisted);
            Interlocked.Add(ref totals[2], events);
        });
        return (totals[0], totals[1], totals[2]);
    }
}
