using System.Collections.Concurrent;

namespace Booking.Reliability.Tests.Histories;

/// <summary>
/// Concurrent clients booking and cancelling against a few ticketed events, spread round-robin over the service
/// processes. Every book is for a new user (so each user has at most one book and one cancel request per ticketed
/// event, and the log can be matched to the requests exactly); cancels are for bookings the service acknowledged.
/// The choices come from one seed; only the interleaving depends on timing.
/// </summary>
internal sealed class BookingLoad(RecordingClient client, IReadOnlyList<long> events, int seed)
{
    private readonly ConcurrentQueue<(long EventId, long UserId)> _cancellable = new();
    private long _nextUser;
    private long _books;
    private long _nextEndpoint;

    /// <summary>Runs <paramref name="clients"/> clients until <paramref name="stop"/> fires or <paramref name="maxBooks"/> book requests were sent.</summary>
    public Task RunAsync(int clients, double cancelShare, long maxBooks, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, clients).Select(i => Task.Run(() => ClientAsync(i, new Random(seed + i), cancelShare, maxBooks, stop), CancellationToken.None)));

    private async Task ClientAsync(int number, Random random, double cancelShare, long maxBooks, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var endpoint = (int)(Interlocked.Increment(ref _nextEndpoint) % client.Endpoints.Count);
            Operation operation;
            if (random.NextDouble() < cancelShare && _cancellable.TryDequeue(out var booking))
            {
                operation = await client.CancelAsync(number, endpoint, booking.EventId, booking.UserId);
            }
            else
            {
                if (Interlocked.Increment(ref _books) > maxBooks)
                    return;
                var eventId = events[random.Next(events.Count)];
                operation = await client.BookAsync(number, endpoint, eventId, Interlocked.Increment(ref _nextUser));
                if (operation.Answer.IsAcknowledged)
                    _cancellable.Enqueue((eventId, operation.UserId));
            }

            // While a service or the database is down, do not spin on refusals.
            if (operation.Answer.Outcome is Outcome.NotSent or Outcome.Unavailable or Outcome.Unexpected)
                await Task.Delay(100, CancellationToken.None);
        }
    }
}
