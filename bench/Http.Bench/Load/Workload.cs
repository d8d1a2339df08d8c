namespace Http.Bench.Load;

/// <summary>What the load generator asks for: one booking or cancellation.</summary>
internal readonly record struct BenchRequest(bool IsCancel, long EventId, long UserId);

/// <summary>How a request ended, as the harness counts it for the books.</summary>
internal enum Outcome
{
    /// <summary>201 {"status":"booked"}</summary>
    Booked,

    /// <summary>201 {"status":"waitlisted"}</summary>
    Waitlisted,

    /// <summary>200 {"status":"cancelled"}, with or without a promoted user.</summary>
    Cancelled,

    /// <summary>200 {"status":"left-waitlist"}</summary>
    LeftWaitlist,

    /// <summary>Any other status (a 503 from a full queue, a 409, a 500): an error.</summary>
    Unexpected,

    /// <summary>No response (connection error, timeout): an error, and the books can no longer be checked exactly.</summary>
    Lost,
}

/// <summary>A scenario's traffic: one <see cref="IWorker"/> per connection, each with its own state and ids.</summary>
internal interface IWorkload
{
    IWorker CreateWorker(int index);
}

/// <summary>One connection's request source; it sees every outcome of its own requests, in order.</summary>
internal interface IWorker
{
    BenchRequest Next();

    void Observe(BenchRequest request, Outcome outcome);
}

/// <summary>User ids that no other worker and no other request uses: worker index × 10^8 + a counter (as a wrk script would).</summary>
internal struct UniqueUsers(int worker)
{
    private long _next = 1 + (worker * 100_000_000L);

    public long Next() => _next++;
}
