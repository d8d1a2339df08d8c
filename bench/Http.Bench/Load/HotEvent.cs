namespace Http.Bench.Load;

/// <summary>Every request books a new user on the same ticketed event.</summary>
internal sealed class HotEvent(long eventId) : IWorkload
{
    public IWorker CreateWorker(int index) => new Worker(eventId, new UniqueUsers(index));

    private sealed class Worker(long eventId, UniqueUsers users) : IWorker
    {
        private UniqueUsers _users = users;

        public BenchRequest Next() => new(false, eventId, _users.Next());

        public void Observe(BenchRequest request, Outcome outcome)
        {
        }
    }
}
