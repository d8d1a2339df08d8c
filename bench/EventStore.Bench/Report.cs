using System.Globalization;
using System.Text;

namespace EventStore.Bench;

/// <summary>The Markdown report: the setting, the store-vs-raw table against the 0.85 target, and CPU per batch for every contender.</summary>
internal static class Report
{
    public const double Target = 0.85;

    public static string Markdown(
        IReadOnlyList<string> args, BenchOptions options, MachineFacts machine, BenchDatabase database, string loadAtEnd, IReadOnlyList<ScenarioResult> results)
    {
        var server = database.Facts;
        var text = new StringBuilder()
            .AppendLine(Inv($"# Event store append vs raw INSERT ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)"))
            .AppendLine()
            .AppendLine(Inv($"Command: `dotnet run -c Release --project bench/EventStore.Bench -- {string.Join(' ', args)}`"))
            .AppendLine()
            .AppendLine(Inv($"- Client: {machine.Cores} cores ({machine.Cpu}), {machine.Memory}, {machine.Os}, {machine.Runtime}."))
            .AppendLine(Inv($"- Load average (1/5/15 min): {machine.Load} at start, {loadAtEnd} at end (the machine is shared: other work may run)."))
            .Append(Inv($"- Server: {server.Version} ({database.ServerSource}), innodb_flush_log_at_trx_commit={server.FlushLogAtTrxCommit}, "))
            .AppendLine(Inv($"log_bin={server.LogBin}, sync_binlog={server.SyncBinlog}, buffer pool {server.BufferPool}; loopback TCP."))
            .Append(Inv($"- Each scenario starts from empty tables; per contender {options.Warmup.TotalSeconds:0.#} s warm-up, then "))
            .AppendLine(Inv($"{options.Measure.TotalSeconds:0.#} s measured in {options.Rounds} alternating rounds."))
            .AppendLine("- Rows: payload `{\"userId\":12345}`, type `user-signed-in`, 16-byte ids, one correlation id per batch, DATETIME(6).")
            .AppendLine()
            .AppendLine("| Events/append | Writers | Raw rows/s | Store events/s | Store / raw | Raw INSERTs/s | Store appends/s | Raw p50 / p99 ms | Store p50 / p99 ms |")
            .AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            text.AppendLine(Inv(
                $"| {r.BatchSize} | {r.Writers} | {r.Raw.RowsPerSecond:N0} | {r.Store.RowsPerSecond:N0} | **{r.Ratio:0.00}** | {r.Raw.BatchesPerSecond:N0} | {r.Store.BatchesPerSecond:N0} | {Latency(r.Raw)} | {Latency(r.Store)} |"));
        }

        var met = results.Count(r => r.Ratio >= Target);
        text.AppendLine().AppendLine(Inv($"Target store / raw >= {Target:0.00}: met in {met} of {results.Count} scenarios."));
        return AppendDetail(text, results).ToString();
    }

    private static StringBuilder AppendDetail(StringBuilder text, IReadOnlyList<ScenarioResult> results)
    {
        text.AppendLine().AppendLine("## Every contender, with CPU per batch")
            .AppendLine()
            .AppendLine("Per batch (one append or one INSERT): CPU of the bench process and of the server (utime + stime, when local),")
            .AppendLine("commits per InnoDB fsync (group commit), redo bytes and statements executed (server counters).")
            .AppendLine()
            .AppendLine("| Events/append | Writers | Contender | Rows/s | vs raw | p50 / p99 ms | Client CPU µs | Server CPU µs | Commits/fsync | Redo bytes | Statements |")
            .AppendLine("|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            foreach (var (name, s) in r.Samples)
            {
                text.AppendLine(Inv(
                    $"| {r.BatchSize} | {r.Writers} | {name} | {s.RowsPerSecond:N0} | {s.RowsPerSecond / r.Raw.RowsPerSecond:0.00} | {Latency(s)} | {s.ClientCpuMicrosPerBatch:N0} | {s.ServerCpuMicrosPerBatch:N0} | {s.CommitsPerFsync:0.0} | {s.RedoBytesPerBatch:N0} | {s.StatementsPerBatch:0.0} |"));
            }
        }

        return text;
    }

    private static string Latency(Sample s) => Inv($"{s.LatencyMs(50):0.00} / {s.LatencyMs(99):0.00}");

    private static string Inv(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
