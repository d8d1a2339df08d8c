using Http.Bench.Load;

namespace Http.Bench.Scenarios;

// Issue #16's targets are ratios to the ceiling "in the same run", but on this shared machine a scenario measured a few
// minutes after the ceiling can see half or twice the CPU (the ceiling moved from 72,593 to 51,104 answers/s between
// two runs of 2026-12-01/02). Here the three services and the ceiling run side by side, and short windows rotate
// through them, so that each ratio comes from windows that shared the machine's load, as the A/Bs do.
internal sealed partial class ScenarioRunner
{
    private async Task<IReadOnlyList<ScenarioResult>> TargetsAsync()
    {
        var (connections, window, rounds) = (options.Connections, options.CompareWindow, options.CompareRounds);
        Console.Error.WriteLine(Inv($"[{DateTime.Now:HH:mm:ss}] targets: hot, soldout, many and the ceiling, {rounds} rounds of alternating {window.TotalSeconds:0} s windows"));
        await using var hot = await StartShippedAsync("hot", "Hot event: one ticketed event, every request books a new user", InitializeHotAsync);
        await using var soldOut = await StartShippedAsync("soldout", SoldOutDescription, InitializeSoldOutAsync);
        await using var many = await StartShippedAsync("many", ManyDescription, InitializeManyAsync);
        await using var ceiling = await CeilingSession.StartAsync(binary.RepositoryRoot, server, options.Generator, options.ServiceEnvironment);

        var services = new[] { hot, soldOut, many };
        var warmups = new List<LoadResult>();
        foreach (var service in services)
            warmups.Add(await service.Generator.RunForAsync(new Offset(service.Workload, 99), connections, TimeSpan.Zero, options.Warmup));
        await ceiling.Generator.RunForAsync(new Offset(new HotEvent(1), 99), connections, TimeSpan.Zero, options.Warmup);

        var windows = services.Select(s => (s.Generator, s.Workload, s.Memory, Results: new List<LoadResult>()))
            .Append((ceiling.Generator, Workload: (IWorkload)new HotEvent(1), ceiling.Memory, Results: new List<LoadResult>())).ToArray();
        await RotateAsync(rounds, windows.Select(w => (Func<int, Task>)(async round =>
            w.Results.Add((await MeasureAsync(w.Generator, new Offset(w.Workload, round), connections, TimeSpan.FromSeconds(1), window, w.Memory)).Load))).ToList());

        var finished = new List<ScenarioResult>();
        for (var i = 0; i < services.Length; i++)
            finished.Add(Alternating(await services[i].FinishAsync([new Step(LoadResult.Combine(windows[i].Results), services[i].Memory.SampledPeakMib)], null, [warmups[i]])));
        finished.Add(Alternating(await ceiling.FinishAsync(new Step(LoadResult.Combine(windows[^1].Results), ceiling.Memory.SampledPeakMib))));
        return finished;

        ScenarioResult Alternating(ScenarioResult result) =>
            result with { Description = Inv($"{result.Description}; {rounds} windows of {window.TotalSeconds:0} s, alternating with the other three") };
    }
}
