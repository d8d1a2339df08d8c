using System.Diagnostics;
using Http.Bench.Database;
using Http.Bench.Load.Raw;
using Http.Bench.Service;

namespace Http.Bench.Load;

/// <summary>
/// A closed-loop HTTP/1.1 load generator: one worker per connection sends a request, reads the whole answer, and
/// sends the next. Warm-up, then a measured window, then a drain: when the window closes no new request starts, but
/// every request in flight is answered and counted, so that the books can be checked exactly (wrk stops with its
/// last requests unanswered). With a request limit the run instead ends after exactly that many requests.
/// </summary>
internal sealed class LoadGenerator(ConnectionKind kind, int port, int servicePid, int? databasePid, Func<Task<ServerCounters>> readCounters)
{
    private const int WarmingUp = 0;
    private const int Measuring = 1;
    private const int Draining = 2;

    private int _phase;
    private long _issued;

    public int ServicePid => servicePid;

    /// <summary>Every process whose CPU counts as the service's (a cluster's nodes); the service alone by default.</summary>
    public IReadOnlyList<int> ServicePids { get; init; } = [servicePid];

    /// <summary>Every process whose CPU counts as the database's (a Galera cluster's nodes); mariadbd alone by default.</summary>
    public IReadOnlyList<int> DatabasePids { get; init; } = databasePid is { } d ? [d] : [];

    /// <summary>Warm-up, then a measured window of fixed length, then the drain.</summary>
    public Task<LoadResult> RunForAsync(IWorkload workload, int connections, TimeSpan warmup, TimeSpan measure, Func<Task>? whileMeasuring = null) =>
        RunAsync(workload, connections, warmup, measure, long.MaxValue, whileMeasuring);

    /// <summary>Exactly <paramref name="requests"/> requests, all of them measured.</summary>
    public Task<LoadResult> RunCountAsync(IWorkload workload, int connections, long requests) =>
        RunAsync(workload, connections, TimeSpan.Zero, Timeout.InfiniteTimeSpan, requests, null);

    private async Task<LoadResult> RunAsync(IWorkload workload, int connections, TimeSpan warmup, TimeSpan measure, long limit, Func<Task>? whileMeasuring)
    {
        // HttpClient pools its connections in one handler; each raw connection is its worker's own.
        using var client = kind == ConnectionKind.HttpClient ? HttpClientConnection.CreateClient(port, connections) : null;
        _phase = warmup > TimeSpan.Zero ? WarmingUp : Measuring;
        _issued = 0;
        var tallies = Enumerable.Range(0, connections).Select(_ => new Tally()).ToArray();
        var counters = _phase == Measuring ? await readCounters() : null;
        var probe = _phase == Measuring ? CpuSplit.Start(ServicePids, DatabasePids) : null;
        var window = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, connections)
            .Select(i => Task.Run(() => WorkAsync(Connect(client), workload.CreateWorker(i), tallies[i], limit)))
            .ToArray();

        if (_phase == WarmingUp)
        {
            await Task.Delay(warmup);
            counters = await readCounters();
            probe = CpuSplit.Start(ServicePids, DatabasePids);
            window.Restart();
            Volatile.Write(ref _phase, Measuring);
        }

        var sideline = whileMeasuring?.Invoke() ?? Task.CompletedTask;
        if (measure != Timeout.InfiniteTimeSpan)
        {
            await Task.Delay(measure);
            Volatile.Write(ref _phase, Draining);
        }

        var all = Task.WhenAll(workers);
        if (measure == Timeout.InfiniteTimeSpan)
            await all;
        var elapsed = window.Elapsed;
        var cpu = probe!.Stop(elapsed);
        var server = (await readCounters()) - counters!;
        await all;
        await sideline;
        return new LoadResult(connections, elapsed, Tally.Merge(tallies), cpu, server);
    }

    private IBookingConnection Connect(HttpClient? client) =>
        client is null ? new RawConnection(port) : new HttpClientConnection(client);

    private async Task WorkAsync(IBookingConnection connection, IWorker worker, Tally tally, long limit)
    {
        using (connection)
        {
            while (Volatile.Read(ref _phase) != Draining && Interlocked.Increment(ref _issued) <= limit)
            {
                var request = worker.Next();
                var started = Stopwatch.GetTimestamp();
                var answer = await connection.SendAsync(request);
                var latency = Stopwatch.GetTimestamp() - started;
                tally.Record(request, answer.Outcome, answer.Promoted, Volatile.Read(ref _phase) == Measuring, latency, answer.Error);
                worker.Observe(request, answer.Outcome);
            }
        }
    }
}
