using System.Text;
using Operations.Bench.Measuring;
using Operations.Bench.Seeding;

namespace Operations.Bench;

/// <summary>The Markdown report: the setting, the seed, events/s of every measurement against the 500k target, where the time went.</summary>
internal static class Report
{
    public const double RebuildTarget = 500_000;

    public static string Markdown(
        IReadOnlyList<string> args, BenchOptions options, MachineFacts machine, BenchDatabase database, (double Data, double Indexes) table,
        SeedResult seed, string loadAfterSeed, string loadAtEnd, IReadOnlyList<Measurement> measurements)
    {
        var text = new StringBuilder()
            .AppendLine(Inv.Text($"# Rebuild and audit over {seed.Events:N0} events ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)"))
            .AppendLine()
            .AppendLine(Inv.Text($"Command: `dotnet run -c Release --project bench/Operations.Bench -- {string.Join(' ', args)}`"))
            .AppendLine()
            .AppendLine(Inv.Text($"- Client: {machine.Cores} cores ({machine.Cpu}), {machine.Memory}, {machine.Os}, {machine.Runtime}, {machine.Gc}."))
            .AppendLine(Inv.Text($"- Load average (1/5/15 min): {machine.Load} at start, {loadAfterSeed} after seeding, {loadAtEnd} at end (the machine is shared)."))
            .AppendLine(Inv.Text($"- Server: {database.Version} ({database.ServerSource}), buffer pool {database.BufferPool}, loopback TCP."))
            .AppendLine(Inv.Text($"- events table after seeding: {table.Data:N0} MiB data, {table.Indexes:N0} MiB secondary indexes (InnoDB estimate)."))
            .AppendLine()
            .AppendLine("## Seed")
            .AppendLine()
            .Append(Inv.Text($"{seed.Events:N0} events over {options.TicketedEvents:N0} ticketed events in {seed.Appends:N0} appends of up to {options.AppendSize} events "))
            .AppendLine(Inv.Text($"({options.Writers} writers, exact expected versions, the status document inline): {seed.Elapsed.TotalSeconds:0.0} s, **{seed.EventsPerSecond:N0} events/s**."))
            .AppendLine()
            .Append("Mix: ").Append(string.Join(", ", seed.Mix.OrderByDescending(p => p.Value).Select(p => Inv.Text($"{p.Key} {p.Value / (double)seed.Events:P1}"))))
            .AppendLine(Inv.Text($"; waiting lists peaked at {seed.MeanPeakWaiting:N0} people on average."))
            .AppendLine()
            .AppendLine(Inv.Text($"## Events/s, median of {options.Runs} runs"))
            .AppendLine()
            .AppendLine("Cores: CPU time over wall time (2.00 = both cores of this machine). Allocated bytes (median over the runs) and GC pause are the client's.")
            .AppendLine()
            .AppendLine("| Measurement | Median events/s | Min to max | Median s | Client cores | Server cores | Allocated B/event | GC paused ms | What it is | Note |")
            .AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---|---|");
        foreach (var m in measurements)
        {
            var s = m.Median;
            text.AppendLine(Inv.Text(
                $"| {m.Name} | **{s.EventsPerSecond:N0}** | {m.Min:N0} to {m.Max:N0} | {s.Elapsed.TotalSeconds:0.00} | {s.ClientCores:0.00} | {s.ServerCores:0.00} | {m.AllocatedPerEvent:N0} | {s.Gc.Paused.TotalMilliseconds:N0} | {m.Description} | {s.Note} |"));
        }

        if (measurements.SingleOrDefault(m => m.Name == "rebuild")?.Median.EventsPerSecond is { } rebuild)
        {
            text.AppendLine()
                .AppendLine(Inv.Text($"Target rebuild >= {RebuildTarget:N0} events/s: **{(rebuild >= RebuildTarget ? "met" : "not met")}** ({rebuild:N0}, {rebuild / RebuildTarget:0.00} of the target)."));
        }
        text.AppendLine()
            .Append(Inv.Text($"Checked: the {seed.Statuses.Count:N0} inline status documents equal the fold of the seeded streams; after every rebuild run "))
            .AppendLine("(what-ifs included) every status document in service equals the inline one; every audit run found 0 violations.");
        foreach (var m in measurements.Where(m => m.Median.Phases.Count > 0 && m.Name is "rebuild" or "audit"))
            AppendPhases(text, m);
        return AppendRuns(text, measurements).ToString();
    }

    // Wall time inside store calls, per kind of call; the rest is in-process work between them (projection, checks).
    private static void AppendPhases(StringBuilder text, Measurement m)
    {
        var s = m.Median;
        text.AppendLine().AppendLine(Inv.Text($"## Where the {m.Name} spends its time (median run, {s.Elapsed.TotalSeconds:0.00} s)")).AppendLine()
            .AppendLine("| Phase | Calls | Items | Seconds | Share |")
            .AppendLine("|---|---:|---:|---:|---:|");
        foreach (var p in s.Phases.OrderByDescending(p => p.Elapsed))
            text.AppendLine(Inv.Text($"| {p.Name} | {p.Calls:N0} | {p.Items:N0} | {p.Elapsed.TotalSeconds:0.000} | {p.Elapsed / s.Elapsed:P1} |"));
        var rest = s.Elapsed - s.Phases.Aggregate(TimeSpan.Zero, (sum, p) => sum + p.Elapsed);
        text.AppendLine(rest >= TimeSpan.Zero
            ? Inv.Text($"| in-process, between store calls | | | {rest.TotalSeconds:0.000} | {rest / s.Elapsed:P1} |")
            : "| in-process work overlaps the store calls (the next page is read while this one is folded) | | | | |");
    }

    private static StringBuilder AppendRuns(StringBuilder text, IReadOnlyList<Measurement> measurements)
    {
        var runs = measurements.Max(m => m.Samples.Count);
        text.AppendLine().AppendLine("## Every run, events/s (in the order they ran)").AppendLine()
            .AppendLine("| Measurement | " + string.Join(" | ", Enumerable.Range(1, runs).Select(r => Inv.Text($"Run {r}"))) + " |")
            .AppendLine("|---|" + string.Concat(Enumerable.Repeat("---:|", runs)));
        foreach (var m in measurements)
            text.AppendLine(Inv.Text($"| {m.Name} | ") + string.Join(" | ", m.Samples.Select(s => Inv.Text($"{s.EventsPerSecond:N0}"))) + " |");
        return text;
    }
}
