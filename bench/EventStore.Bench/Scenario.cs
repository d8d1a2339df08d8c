namespace EventStore.Bench;

/// <summary>The result of one scenario (batch size x writer count): one summed sample per contender.</summary>
internal sealed record ScenarioResult(int BatchSize, int Writers, IReadOnlyList<(string Name, Sample Sample)> Samples)
{
    public Sample Raw => Of(Contender.RawName);

    public Sample Store => Of(Contender.StoreName);

    public double Ratio => Store.RowsPerSecond / Raw.RowsPerSecond;

    public Sample Of(string name) => Samples.First(s => s.Name == name).Sample;
}

/// <summary>
/// Runs one scenario from empty tables: a warm-up per contender, then the measured time split into rounds in
/// which the contenders take turns (ABBA order), so a burst of load from a neighbour on a shared machine lands
/// on all of them rather than on one.
/// </summary>
internal static class Scenario
{
    public static async Task<ScenarioResult> RunAsync(
        BenchDatabase database, BenchOptions options, IReadOnlyList<Contender> contenders, int batchSize, int writerCount, Meters meters)
    {
        await database.ResetAsync();
        var writers = contenders.Select(c => Enumerable.Range(0, writerCount).Select(_ => c.NewWriter(batchSize)).ToArray()).ToArray();
        try
        {
            foreach (var set in writers)
                await Runner.MeasureAsync(set, batchSize, options.Warmup, meters);

            var totals = new Sample?[contenders.Count];
            var slice = options.Measure / options.Rounds;
            for (var round = 0; round < options.Rounds; round++)
            {
                var order = Enumerable.Range(0, contenders.Count);
                foreach (var c in round % 2 == 0 ? order : order.Reverse())
                {
                    var sample = await Runner.MeasureAsync(writers[c], batchSize, slice, meters);
                    totals[c] = totals[c] is { } sum ? sum + sample : sample;
                    Console.Error.WriteLine(
                        $"  batch {batchSize,3} x {writerCount} writers, round {round + 1}: {contenders[c].Name,-48} {sample.RowsPerSecond,10:N0} rows/s");
                }
            }

            return new ScenarioResult(batchSize, writerCount, contenders.Select((c, i) => (c.Name, totals[i]!)).ToArray());
        }
        finally
        {
            foreach (var writer in writers.SelectMany(set => set))
                await writer.DisposeAsync();
        }
    }
}
