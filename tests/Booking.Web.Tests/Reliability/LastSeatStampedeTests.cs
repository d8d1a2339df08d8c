using System.Diagnostics;
using Booking.Web.Api;
using Booking.Web.Tests.Hosting;
using Booking.Web.Tests.Reliability.Histories;
using Xunit.Abstractions;

namespace Booking.Web.Tests.Reliability;

/// <summary>
/// Issue #6, suite 1: 200 users rush at the last 1, 2 or 5 seats of a fresh ticketed event, 100 times per size. Each
/// repetition must book exactly that many, queue the rest at positions 1..(200 − N) once each, and leave a stream
/// whose fold, audit and status document agree with every answer.
/// </summary>
public sealed class LastSeatStampedeTests(MySqlSharedHost shared, ITestOutputHelper output) : IClassFixture<MySqlSharedHost>
{
    private const int Customers = 200;
    private const int Repetitions = 100;

    // Repetitions overlapping at a time: enough to keep both cores busy, few enough that each stampede stays a stampede.
    private const int Overlap = 4;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    public async Task Book_by_200_concurrent_users_for_the_last_seats_100_times_books_exactly_that_many_and_queues_the_rest_once_each(int tickets)
    {
        var clock = Stopwatch.StartNew();
        var totals = new int[3];
        await Parallel.ForEachAsync(Enumerable.Range(1, Repetitions), new ParallelOptions { MaxDegreeOfParallelism = Overlap }, async (repetition, _) =>
        {
            var (booked, waitlisted, events) = await StampedeAsync(tickets, repetition);
            Interlocked.Add(ref totals[0], booked);
            Interlocked.Add(ref totals[1], waitlisted);
            Interlocked.Add(ref totals[2], events);
        });

        totals[0].ShouldBe(tickets * Repetitions);
        totals[1].ShouldBe((Customers - tickets) * Repetitions);
        output.WriteLine(
            $"{tickets} ticket(s): {Repetitions * Customers} requests, {totals[0]} booked, {totals[1]} waitlisted, " +
            $"{totals[2]} events checked in {clock.Elapsed.TotalSeconds:F1} s");
    }

    private async Task<(int Booked, int Waitlisted, int Events)> StampedeAsync(int tickets, int repetition)
    {
        var context = $"{tickets} ticket(s), repetition {repetition}";
        var http = shared.Client.Http;
        var eventId = await shared.Client.NewEventAsync(tickets, $"Stampede {tickets}/{repetition}");
        var recorder = new HistoryRecorder();

        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var rush = Enumerable.Range(1, Customers).Select(user => Task.Run(async () =>
        {
            await gate.Task;
            return await recorder.BookAsync(http, user, eventId, user);
        })).ToArray();
        gate.SetResult();
        var answers = (await Task.WhenAll(rush)).Select(o => o.Answer).ToList();
        var operations = recorder.Operations;

        var booked = operations.Where(o => o.Answer.Outcome == Outcome.Booked).Select(o => o.UserId).ToList();
        var waitlisted = operations.Where(o => o.Answer.Outcome == Outcome.Waitlisted).OrderBy(o => o.Answer.Position).ToList();
        answers.ShouldAllBe(a => a.Outcome == Outcome.Booked || a.Outcome == Outcome.Waitlisted, context);
        booked.Count.ShouldBe(tickets, context);
        waitlisted.Select(o => o.Answer.Position!.Value).ShouldBe(Enumerable.Range(1, Customers - tickets), context);

        var state = await shared.Host.ReplayAsync(eventId);
        state.Version.ShouldBe(1 + Customers, context);
        state.Booked.Select(u => u.Value).Order().ShouldBe(booked.Order(), context);
        state.WaitingInOrder.Select(u => u.Value).ShouldBe(waitlisted.Select(o => o.UserId), context);
        (await shared.Client.StatusOfAsync(eventId)).Status
            .ShouldBe(new StatusResponse(eventId, $"Stampede {tickets}/{repetition}", tickets, 0, Customers - tickets), context);

        var verdict = await HistoryVerdict.JudgeAsync(shared.Host, operations, [eventId]);
        verdict.ShouldBeClean(context);
        return (booked.Count, waitlisted.Count, verdict.EventsChecked);
    }
}
