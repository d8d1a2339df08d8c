using System.Globalization;
using System.Text;
using Http.Bench.Database;
using Http.Bench.Load;
using Http.Bench.Profiling;
using Http.Bench.Scenarios;
using Http.Bench.Service;

namespace Http.Bench.Reporting;

/// <summary>The Markdown report: the setting, one row per measured window, the ratios, the targets, and where the CPU went.</summary>
internal static class Report
{
    public static string Markdown(
        IReadOnlyList<string> args, ConnectionKind generator, string? logLevel, MachineFacts machine, BenchServer server, string source, string chart, IReadOnlyList<ScenarioResult> results)
    {
        var text = new StringBuilder()
            .AppendLine(Inv($"# HTTP load ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)"))
            .AppendLine()
            .AppendLine(Inv($"Command: `dotnet run -c Release --project bench/Http.Bench{(args.Count > 0 ? " -- " + string.Join(' ', args) : string.Empty)}`"))
            .AppendLine()
            .AppendLine(Inv($"- Machine: {machine.Cores} cores ({machine.Cpu}), {machine.Memory}, {machine.Os}, {machine.Runtime}; shared with other work."))
            .AppendLine(Inv($"- Service: {source}; `dotnet src/Booking.Web/bin/Release/net10.0/Booking.Web.dll`, Production, MySQL provider, one process and one fresh database per scenario."))
            .AppendLine(Inv($"- Configuration: src/Booking.Web/appsettings.json as shipped ({(logLevel is null ? "logging at Information: a line per request and per booking in logs/ (compact JSON), the lifecycle, warnings and errors on the console too, behind Serilog's async buffer" : $"**except logging: Serilog's default level {logLevel}**")}; metrics on), with one deviation: the rate limiter stays on, but with a permit limit of {ServiceSettings.NeverBindingPermitLimit:N0} per window instead of 5, since every request comes from 127.0.0.1. The service's console goes straight to a file (`>> console.log`), read by no process during the run."))
            .AppendLine(Inv($"- Database: {server.Version} ({server.Source}), {server.Durability}; loopback TCP."))
            .AppendLine(Inv($"- Load: a .NET closed-loop generator on the same machine ({Client(generator)}, HTTP/1.1 keep-alive, one worker and one connection each); each window is followed by a drain in which every request in flight is answered and counted."))
            .AppendLine("- Answers/s: 201 and 200 answers per second in the measured window; latency from send to the last byte of the answer, nearest rank over every answer of the window.")
            .AppendLine()
            .AppendLine("| Scenario | Conns | Batching | Log level | Answers/s | p50 ms | p99 ms | p99.9 ms | Errors | Peak RSS MiB | Books balanced | Audit clean | Load avg before → after |")
            .AppendLine("|---|---:|---|---|---:|---:|---:|---:|---:|---:|---|---|---|");
        foreach (var r in results)
        {
            foreach (var step in r.Steps)
            {
                var l = step.Load;
                var rss = r.Steps.Count > 1 ? Inv($"{step.SampledPeakRssMib:N0} (sampled)") : Inv($"{r.PeakRssMib:N0}");
                text.AppendLine(Inv(
                    $"| {r.Name} | {l.Connections} | {r.Batching} | {r.LogLevel} | {l.PerSecond:N0} | {l.PercentileMs(50):0.0} | {l.PercentileMs(99):0.0} | {l.PercentileMs(99.9):0.0} | {l.Errors:N0} | {rss} | {Checked(r.Books?.Balanced)} | {Checked(r.Audit?.Clean)} | {r.LoadBefore} → {r.LoadAfter} |"));
            }
        }

        AppendRatios(text, results);
        AppendTargets(text, results);
        AppendCpu(text, results);
        foreach (var r in results.Where(r => r.Profile is not null))
            AppendProfile(text, r, r.Profile!);
        AppendChecks(text, results, chart);
        return text.ToString();
    }

    private static void AppendRatios(StringBuilder text, IReadOnlyList<ScenarioResult> results)
    {
        text.AppendLine();
        if (Find(results, "hot") is { } hot && Find(results, "unbatched") is { } unbatched)
            text.AppendLine(Inv($"- Batched / unbatched (hot event, same run, one after the other): {hot.Load.PerSecond:N0} / {unbatched.Load.PerSecond:N0} = **{hot.Load.PerSecond / unbatched.Load.PerSecond:0.0}×**."));
        foreach (var name in new[] { "logging", "console", "compare" })
        {
            if (Find(results, name + " A") is not { } a || Find(results, name + " B") is not { } b)
                continue;
            var change = (b.Load.PerSecond / a.Load.PerSecond) - 1;
            text.AppendLine(Inv(
                $"- A/B `{name}`, {b.Description[13..]} (B) against the same service without it (A), {a.Load.Elapsed.TotalSeconds:0} s of alternating windows each: answers/s **{change * 100:+0;-0}%** ({b.Load.PerSecond:N0} against {a.Load.PerSecond:N0}), p99 {b.Load.PercentileMs(99):0.0} against {a.Load.PercentileMs(99):0.0} ms, service CPU per answer {MicrosPerAnswer(b.Load):N0} against {MicrosPerAnswer(a.Load):N0} µs, service context switches per answer {Switches(b.Load):0.0} against {Switches(a.Load):0.0}."));
        }
    }

    private static double Switches(LoadResult l) => (double)l.Cpu.ServiceContextSwitches / Math.Max(1, l.MeasuredAnswers);

    private static void AppendTargets(StringBuilder text, IReadOnlyList<ScenarioResult> results)
    {
        text.AppendLine().AppendLine("Targets (issue #16: ratios to the ceiling measured in this run, 0 errors, books balance, audit clean):").AppendLine();
        var ceiling = Find(results, "ceiling");
        void Ratio(string name, string label, double target, double? p99Target)
        {
            if (Find(results, name) is not { } r)
                return;
            if (ceiling is null)
            {
                text.AppendLine(Inv($"- {label}: {r.Load.PerSecond:N0}/s, p99 {r.Load.PercentileMs(99):0.0} ms; no ceiling in this run, so no ratio (add `ceiling` to --scenarios)."));
                return;
            }

            var ratio = r.Load.PerSecond / ceiling.Load.PerSecond;
            var met = ratio >= target && (p99Target is not { } p || r.Load.PercentileMs(99) <= p) && r.Passed;
            var latency = p99Target is { } limit ? Inv($", p99 ≤ {limit:0} ms") : string.Empty;
            text.AppendLine(Inv($"- {label} ≥ {target:0.00} × ceiling{latency}: **{Met(met)}** ({r.Load.PerSecond:N0} / {ceiling.Load.PerSecond:N0} = **{ratio:0.00}×**, p99 {r.Load.PercentileMs(99):0.0} ms, {r.Errors} errors, books {(r.Books is { Balanced: true } ? "balance" : "do not balance")}, audit {(r.Audit is { Clean: true } ? "clean" : "NOT clean")}{(r.Log is { } log ? $", {log}" : string.Empty)})."));
        }

        Ratio("hot", "Hot event", 0.45, 10);
        Ratio("many", "Many events (1,000)", 0.35, 10);
        Ratio("soldout", "Sold out with cancels and promotions", 0.35, null);
        if (Find(results, "hot") is { } h && Find(results, "unbatched") is { } u)
            text.AppendLine(Inv($"- Batched vs unbatched ≥ 10×: **{Met(h.Load.PerSecond / u.Load.PerSecond >= 10)}** ({h.Load.PerSecond / u.Load.PerSecond:0.0}×)."));
        if (Find(results, "memory") is { } memory)
        {
            var bookings = memory.Load.Tally.All[(int)Outcome.Booked];
            text.AppendLine(Inv($"- Peak service RSS ≤ 250 MB after 1,000,000 bookings: **{Met(bookings >= 1_000_000 && memory.PeakRssMib * 1.048576 <= 250 && memory.Passed)}** ({memory.PeakRssMib:N0} MiB = {memory.PeakRssMib * 1.048576:N0} MB peak after {bookings:N0} bookings; {memory.EndRssMib:N0} MiB at the end)."));
        }

        if (Find(results, "gen raw hot") is { } rawHot && Find(results, "gen raw ceiling") is { } rawCeiling
            && Find(results, "gen wrk hot") is { } wrkHot && Find(results, "gen wrk ceiling") is { } wrkCeiling)
        {
            double Rate(ScenarioResult r) => r.Load.PerSecond;
            text.AppendLine(Inv($"- Both generators, alternating windows of one run: hot / ceiling by this harness's generator {Rate(rawHot):N0} / {Rate(rawCeiling):N0} = **{Rate(rawHot) / Rate(rawCeiling):0.00}×** (p99 {rawHot.Load.PercentileMs(99):0.0} ms), by wrk {Rate(wrkHot):N0} / {Rate(wrkCeiling):N0} = **{Rate(wrkHot) / Rate(wrkCeiling):0.00}×** (p99 {wrkHot.Load.PercentileMs(99):0.0} ms, median of the windows')."));
            text.AppendLine(Inv($"  wrk / raw: {Rate(wrkHot) / Rate(rawHot):0.00}× on the hot event, {Rate(wrkCeiling) / Rate(rawCeiling):0.00}× on the ceiling. Generator CPU per request: raw {GeneratorMicrosPerRequest(rawHot.Load):0.0} µs (hot) and {GeneratorMicrosPerRequest(rawCeiling.Load):0.0} µs (ceiling), wrk {GeneratorMicrosPerRequest(wrkHot.Load):0.0} and {GeneratorMicrosPerRequest(wrkCeiling.Load):0.0} µs."));
            if (Find(results, "gen wrk ceiling static") is { } fixedRequest)
                text.AppendLine(Inv($"  wrk's per-request Lua: the ceiling by wrk with one request formatted once: {Rate(fixedRequest):N0}/s, {GeneratorMicrosPerRequest(fixedRequest.Load):0.0} µs of wrk CPU per request."));
        }

        AppendClusterRatios(text, results);
    }

    // Each cluster row against the same topology and workload with one service node, in this run.
    private static void AppendClusterRatios(StringBuilder text, IReadOnlyList<ScenarioResult> results)
    {
        var cluster = results.Where(r => r.Name.Contains(" x", StringComparison.Ordinal) && (r.Name.StartsWith("hot ", StringComparison.Ordinal) || r.Name.StartsWith("many ", StringComparison.Ordinal))).ToList();
        foreach (var r in cluster)
        {
            var at = r.Name.LastIndexOf(" x", StringComparison.Ordinal);
            if (r.Name[(at + 2)..] == "1" || Find(results, r.Name[..at] + " x1") is not { } one)
                continue;
            text.AppendLine(Inv($"- {r.Name} / {one.Name}: {r.Load.PerSecond:N0} / {one.Load.PerSecond:N0} = **{r.Load.PerSecond / one.Load.PerSecond:0.00}×** (CPU per answer, all service nodes: {MicrosPerAnswer(r.Load):N0} against {MicrosPerAnswer(one.Load):N0} µs; all database nodes: {r.Load.Cpu.Database * r.Load.Elapsed.TotalSeconds * 1e6 / Math.Max(1, r.Load.MeasuredAnswers):N0} against {one.Load.Cpu.Database * one.Load.Elapsed.TotalSeconds * 1e6 / Math.Max(1, one.Load.MeasuredAnswers):N0} µs)."));
        }
    }

    private static void AppendCpu(StringBuilder text, IReadOnlyList<ScenarioResult> results)
    {
        text.AppendLine().AppendLine("Where the CPU went during each window (in cores: 2.0 = both cores busy the whole window), and what the database did:").AppendLine()
            .AppendLine("| Scenario | Conns | Service | mariadbd | Load generator | Other processes | Idle | Generator µs CPU / request | Service µs CPU / answer | Service context switches / answer | Commits/s | Answers / commit | fsyncs/s | Statements / commit |")
            .AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            foreach (var l in r.Steps.Select(s => s.Load))
            {
                var seconds = l.Elapsed.TotalSeconds;
                var c = l.Cpu;
                text.AppendLine(Inv(
                    $"| {r.Name} | {l.Connections} | {c.Service:0.00} | {c.Database:0.00} | {c.LoadGenerator:0.00} | {c.Other:0.00} | {c.Idle:0.00} | {GeneratorMicrosPerRequest(l):0.0} | {MicrosPerAnswer(l):N0} | {Switches(l):0.0} | {l.Server.Commits / seconds:N0} | {PerCommit(l.MeasuredAnswers, l)} | {l.Server.Fsyncs / seconds:N0} | {PerCommit(l.Server.Questions, l)} |"));
            }
        }
    }

    private static void AppendProfile(StringBuilder text, ScenarioResult r, ServiceProfile profile)
    {
        var answers = r.Load.PerSecond;
        text.AppendLine().AppendLine(Inv($"Profile of the service during the `{r.Name}` window ({answers:N0} answers/s, {MicrosPerAnswer(r.Load):N0} µs of service CPU per answer), {profile.Samples:N0} perf samples at 499 Hz:")).AppendLine()
            .AppendLine("| Where the service's CPU went | Share | µs per answer |")
            .AppendLine("|---|---:|---:|");
        foreach (var (bucket, share) in profile.Cpu.Where(b => b.Share >= 0.005))
            text.AppendLine(Inv($"| {bucket} | {share:P1} | {share * MicrosPerAnswer(r.Load):N0} |"));
        if (profile.Threads.Count > 0)
        {
            text.AppendLine().AppendLine("| The same samples by thread | Share | µs per answer |").AppendLine("|---|---:|---:|");
            foreach (var (thread, share) in profile.Threads.Where(t => t.Share >= 0.005))
                text.AppendLine(Inv($"| {thread} | {share:P1} | {share * MicrosPerAnswer(r.Load):N0} |"));
        }

        var c = profile.Counters;
        if (c.Count > 0)
        {
            var allocated = c.GetValueOrDefault(RuntimeCounters.AllocatedPerSecond);
            text.AppendLine().AppendLine(Inv(
                $"Runtime counters (means over the window): allocated {allocated / 1e6:N1} MB/s = **{allocated / Math.Max(1, answers) / 1024:N1} KiB per answer**; GC paused {c.GetValueOrDefault(RuntimeCounters.PausePerSecond) * 100:0.0}% of the time; collections/s gen0 {c.GetValueOrDefault(RuntimeCounters.Gen0):0.0}, gen1 {c.GetValueOrDefault(RuntimeCounters.Gen1):0.0}, gen2 {c.GetValueOrDefault(RuntimeCounters.Gen2):0.00}; lock contentions/s {c.GetValueOrDefault(RuntimeCounters.LockContentions):N0}; thread-pool work items/s {c.GetValueOrDefault(RuntimeCounters.WorkItems):N0} ({c.GetValueOrDefault(RuntimeCounters.WorkItems) / Math.Max(1, answers):0.0} per answer); working set {c.GetValueOrDefault(RuntimeCounters.WorkingSet) / (1024 * 1024):N0} MiB."));
        }

        foreach (var note in profile.Notes)
            text.AppendLine().AppendLine(Inv($"Note: {note}"));
    }

    private static void AppendChecks(StringBuilder text, IReadOnlyList<ScenarioResult> results, string chart)
    {
        text.AppendLine().AppendLine("Checks after each scenario. Request counts cover the reported windows with their warm-up and drain; the books cover every request the service got (for an A/B, its separate warm-up too):").AppendLine();
        foreach (var r in results)
        {
            var all = Tally.Merge(r.Steps.Select(s => s.Load.Tally)).All;
            text.AppendLine(Inv($"- **{r.Name}** — {r.Description}. Requests {all.Sum():N0}: booked {all[(int)Outcome.Booked]:N0}, waitlisted {all[(int)Outcome.Waitlisted]:N0}, cancelled {all[(int)Outcome.Cancelled]:N0}, left the waiting list {all[(int)Outcome.LeftWaitlist]:N0}, errors {r.Errors:N0}."))
                .AppendLine(Books(r))
                .AppendLine(Inv($"  {Audit(r)} Peak RSS (VmHWM) {r.PeakRssMib:N0} MiB, {r.EndRssMib:N0} MiB at the end.{(r.Log is { } log ? $" The {log}." : string.Empty)}"));
            foreach (var (error, count) in Tally.Merge(r.Steps.Select(s => s.Load.Tally)).Errors.OrderByDescending(e => e.Value).Take(5))
                text.AppendLine(Inv($"  Error ×{count:N0}: {error}"));
        }

        if (!string.IsNullOrEmpty(chart))
            text.AppendLine().AppendLine(Inv($"![Throughput and p99 against connections]({chart})"));
    }

    private static string Books(ScenarioResult r) => r.Books is { } books
        ? Inv($"  Books {(books.Balanced ? "balanced" : "**not balanced**")}: {books.Detail}.")
        : "  Books: not checked, they do not apply: this server keeps none.";

    private static string Audit(ScenarioResult r) => r.Audit is { } audit
        ? Inv($"`audit --all`: exit {audit.ExitCode} in {audit.Elapsed.TotalSeconds:0.0} s ({Oneline(audit.Summary)}).")
        : "`audit --all`: not run, it does not apply: nothing was written.";

    // A window without commits (the ceiling) has no batch size and no statements per commit.
    private static string PerCommit(long count, LoadResult l) => l.Server.Commits == 0 || l.Cpu.Database < 0.01 ? "–" : Inv($"{(double)count / l.Server.Commits:0.0}");

    private static double MicrosPerAnswer(LoadResult l) => l.MeasuredAnswers == 0 ? 0 : l.Cpu.Service * l.Elapsed.TotalSeconds * 1e6 / l.MeasuredAnswers;

    // Every request of the window counts, errors included: the generator did the same work for them.
    private static double GeneratorMicrosPerRequest(LoadResult l) =>
        l.Tally.Measured.Sum() is var requests and > 0 ? l.Cpu.LoadGenerator * l.Elapsed.TotalSeconds * 1e6 / requests : 0;

    private static string Client(ConnectionKind generator) => generator == ConnectionKind.Raw
        ? "`--generator raw`: a minimal HTTP/1.1 client over sockets, TCP_NODELAY"
        : "`--generator httpclient`: HttpClient with SocketsHttpHandler";

    private static ScenarioResult? Find(IReadOnlyList<ScenarioResult> results, string name) => results.FirstOrDefault(r => r.Name == name);

    private static string Oneline(string text) => text.ReplaceLineEndings(" / ").Replace("|", "/", StringComparison.Ordinal);

    private static string Checked(bool? value) => value switch
    {
        true => "yes",
        false => "**no**",
        null => "n/a",
    };

    private static string Met(bool value) => value ? "met" : "not met";

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
