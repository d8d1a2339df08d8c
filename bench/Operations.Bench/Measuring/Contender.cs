using System.Diagnostics;

namespace Operations.Bench.Measuring;

/// <summary>One thing measured over the whole store; <see cref="VerifyAsync"/> (untimed) checks what it left behind.</summary>
internal sealed record Contender(string Name, string Description, Func<Task<(long Events, string Note)>> RunAsync, Func<Task>? VerifyAsync = null);

/// <summary>Runs contenders in turns, so that load from neighbours on this shared machine falls on all of them alike.</summary>
internal sealed class Runner(CpuMeter cpu, TimedStore timed)
{
    public async Task<IReadOnlyList<Measurement>> RunAsync(IReadOnlyList<Contender> contenders, int runs)
    {
        var samples = contenders.ToDictionary(c => c, _ => new List<Sample>());
        for (var run = 1; run <= runs; run++)
        {
            foreach (var contender in contenders)
            {
                var sample = await MeasureAsync(contender);
                samples[contender].Add(sample);
                Console.Error.WriteLine(Inv.Text($"run {run}/{runs} {contender.Name}: {sample.EventsPerSecond:N0} events/s ({sample.Events:N0} in {sample.Elapsed.TotalSeconds:0.00} s, client {sample.ClientCores:0.00} cores, server {sample.ServerCores:0.00} cores, {sample.Gc.AllocatedBytes / sample.Events:N0} B/event, GC {sample.Gc.Gen0}/{sample.Gc.Gen1}/{sample.Gc.Gen2} paused {sample.Gc.Paused.TotalMilliseconds:N0} ms) {sample.Note}"));
                if (contender.VerifyAsync is { } verify)
                    await verify();
            }
        }

        return [.. contenders.Select(c => new Measurement(c.Name, c.Description, samples[c]))];
    }

    private async Task<Sample> MeasureAsync(Contender contender)
    {
        // Start each run with an empty heap, so that no run pays for the garbage of the one before.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        timed.TakePhases();
        var (client, server) = cpu.Read();
        var gc = GcCost.Now();
        var start = Stopwatch.GetTimestamp();
        var (events, note) = await contender.RunAsync();
        var elapsed = Stopwatch.GetElapsedTime(start);
        var gcCost = GcCost.Now() - gc;
        var (clientAfter, serverAfter) = cpu.Read();
        return new Sample(events, elapsed, clientAfter - client, serverAfter - server, gcCost, timed.TakePhases(), note);
    }
}
