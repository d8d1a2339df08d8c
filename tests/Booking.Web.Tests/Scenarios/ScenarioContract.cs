using Booking.Core.TicketedEvents;
using EventBooking.Migrations;

namespace Booking.Web.Tests.Scenarios;

/// <summary>
/// Whole-service scenarios: many clients at once, restarts. Each test starts its own host(s) over its own
/// database and checks what the clients were told against the stream replayed by the app's own store.
/// </summary>
public abstract partial class ScenarioContract
{
    protected abstract StoreProvider Provider { get; }

    /// <summary>Runs <paramref name="action"/> for every user at once: all start together after a gate opens.</summary>
    protected static async Task<T[]> ConcurrentlyAsync<T>(IEnumerable<long> users, Func<long, Task<T>> action)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = users.Select(user => Task.Run(async () =>
        {
            await gate.Task;
            return await action(user);
        })).ToArray();
        gate.SetResult();
        return await Task.WhenAll(running);
    }

    protected static IEnumerable<long> Users(long first, int count) => Enumerable.Range(0, count).Select(i => first + i);

    /// <summary>What must hold between commands, whatever happened before.</summary>
    protected static void CheckInvariants(TicketedEventState state)
    {
        state.Available.ShouldBeGreaterThanOrEqualTo(0, "more seats booked than exist");
        if (state.WaitingCount > 0)
            state.Available.ShouldBe(0, "a seat is free while users wait");
        state.WaitingInOrder.Where(state.IsBooked).ShouldBeEmpty("a user is both booked and waiting");
    }
}
