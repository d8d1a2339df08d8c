namespace Http.Bench.Load;

/// <summary>
/// A small ticketed event booked far past capacity, so most bookings join the waiting list, with cancellations mixed
/// in: a share of requests cancels one of this worker's acknowledged users, half the time a booked one (which promotes
/// the first waiting user) and half the time a waiting one (who leaves the list).
/// </summary>
internal sealed class SoldOut(long eventId, double cancelShare) : IWorkload
{
    public IWorker CreateWorker(int index) => new Worker(eventId, cancelShare, new UniqueUsers(index), new Random(index));

    private sealed class Worker(long eventId, double cancelShare, UniqueUsers users, Random random) : IWorker
    {
        private readonly List<long> _booked = [];
        private readonly List<long> _waiting = [];
        private UniqueUsers _users = users;

        public BenchRequest Next()
        {
            if (random.NextDouble() >= cancelShare || (_booked.Count == 0 && _waiting.Count == 0))
                return new(false, eventId, _users.Next());

            // A waiting user may have been promoted since; the answer says which, and either is a valid cancel.
            var list = _waiting.Count == 0 || (_booked.Count > 0 && random.NextDouble() < 0.5) ? _booked : _waiting;
            var index = random.Next(list.Count);
            var user = list[index];
            list[index] = list[^1];
            list.RemoveAt(list.Count - 1);
            return new(true, eventId, user);
        }

        public void Observe(BenchRequest request, Outcome outcome)
        {
            if (outcome == Outcome.Booked)
                _booked.Add(request.UserId);
            else if (outcome == Outcome.Waitlisted)
                _waiting.Add(request.UserId);
        }
    }
}
