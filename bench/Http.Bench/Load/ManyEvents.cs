namespace Http.Bench.Load;

/// <summary>Every request books a new user on a ticketed event picked uniformly at random.</summary>
internal sealed class ManyEvents(IReadOnlyList<long> eventIds) : IWorkload
{
    public IWorker CreateWorker(int index) => new Worker(eventIds, new UniqueUsers(index), new Random(index));

    private sealed class Worker(IReadOnlyList<long> eventIds, UniqueUsers users, Random random) : IWorker
    {
        private UniqueUsers _users = users;

        public BenchRequest Next() => new(false, eventIds[random.Next(eventIds.Count)], _users.Next());

        public void Observe(BenchRequest request, Outcome outcome)
        {
        }
    }
}
