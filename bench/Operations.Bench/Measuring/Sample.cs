namespace Operations.Bench.Measuring;

/// <summary>One timed run over the whole store: events handled, wall time, CPU of both sides, and the phases it spent time in.</summary>
internal sealed record Sample(long Events, TimeSpan Elapsed, TimeSpan ClientCpu, TimeSpan? ServerCpu, GcCost Gc, IReadOnlyList<Phase> Phases, string Note)
{
    public double EventsPerSecond => Events / Elapsed.TotalSeconds;

    /// <summary>Cores busy on average: 2.0 means both cores of this machine were used throughout.</summary>
    public double ClientCores => ClientCpu / Elapsed;

    public double? ServerCores => ServerCpu / Elapsed;
}

/// <summary>What the run cost the .NET garbage collector: bytes allocated, collections per generation, time the program stood paused.</summary>
internal sealed record GcCost(long AllocatedBytes, int Gen0, int Gen1, int Gen2, TimeSpan Paused)
{
    public static GcCost Now() =>
        new(GC.GetTotalAllocatedBytes(precise: true), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());

    public static GcCost operator -(GcCost a, GcCost b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return new(a.AllocatedBytes - b.AllocatedBytes, a.Gen0 - b.Gen0, a.Gen1 - b.Gen1, a.Gen2 - b.Gen2, a.Paused - b.Paused);
    }
}

/// <summary>Time spent in one kind of call during a run, with how many calls and items (events, documents) it covered.</summary>
internal sealed record Phase(string Name, long Calls, long Items, TimeSpan Elapsed);

/// <summary>The repeats of one measurement, in the order they ran.</summary>
internal sealed record Measurement(string Name, string Description, IReadOnlyList<Sample> Samples)
{
    public Sample Median => Samples.OrderBy(s => s.EventsPerSecond).ElementAt(Samples.Count / 2);

    public double Min => Samples.Min(s => s.EventsPerSecond);

    public double Max => Samples.Max(s => s.EventsPerSecond);

    /// <summary>
    /// Allocated bytes per event, the median over the runs: the runtime's total of allocated bytes under Server GC
    /// now and then jumps (even backwards) between two readings, so one run's figure alone can be wrong.
    /// </summary>
    public long AllocatedPerEvent => Samples.Select(s => s.Gc.AllocatedBytes / s.Events).Order().ElementAt(Samples.Count / 2);
}
