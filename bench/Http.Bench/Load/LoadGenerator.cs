using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Http.Bench.Database;
using Http.Bench.Service;

namespace Http.Bench.Load;

/// <summary>
/// A closed-loop HTTP/1.1 load generator: one worker per connection sends a request, reads the whole answer, and
/// sends the next. Warm-up, then a measured window, then a drain: when the window closes no new request starts, but
/// every request in flight is answered and counted, so that the books can be checked exactly (wrk stops with its
/// last requests unanswered). With a request limit the run instead ends after exactly that many requests.
/// </summary>
internal sealed class LoadGenerator(int port, int servicePid, int? databasePid, Func<Task<ServerCounters>> readCounters)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private static readonly Uri BookPath = new("/api/events/book", UriKind.Relative);
    private static readonly Uri CancelPath = new("/api/events/cancel", UriKind.Relative);

    private const int WarmingUp = 0;
    private const int Measuring = 1;
    private const int Draining = 2;

    private int _phase;
    private long _issued;

    public int ServicePid => servicePid;

    /// <summary>Warm-up, then a measured window of fixed length, then the drain.</summary>
    public Task<LoadResult> RunForAsync(IWorkload workload, int connections, TimeSpan warmup, TimeSpan measure, Func<Task>? whileMeasuring = null) =>
        RunAsync(workload, connections, warmup, measure, long.MaxValue, whileMeasuring);

    /// <summary>Exactly <paramref name="requests"/> requests, all of them measured.</summary>
    public Task<LoadResult> RunCountAsync(IWorkload workload, int connections, long requests) =>
        RunAsync(workload, connections, TimeSpan.Zero, Timeout.InfiniteTimeSpan, requests, null);

    private async Task<LoadResult> RunAsync(IWorkload workload, int connections, TimeSpan warmup, TimeSpan measure, long limit, Func<Task>? whileMeasuring)
    {
        using var client = CreateClient(port, connections);
        _phase = warmup > TimeSpan.Zero ? WarmingUp : Measuring;
        _issued = 0;
        var tallies = Enumerable.Range(0, connections).Select(_ => new Tally()).ToArray();
        var counters = _phase == Measuring ? await readCounters() : null;
        var probe = _phase == Measuring ? CpuSplit.Start(servicePid, databasePid) : null;
        var window = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, connections)
            .Select(i => Task.Run(() => WorkAsync(client, workload.CreateWorker(i), tallies[i], limit)))
            .ToArray();

        if (_phase == WarmingUp)
        {
            await Task.Delay(warmup);
            counters = await readCounters();
            probe = CpuSplit.Start(servicePid, databasePid);
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

    private async Task WorkAsync(HttpClient client, IWorker worker, Tally tally, long limit)
    {
        while (Volatile.Read(ref _phase) != Draining && Interlocked.Increment(ref _issued) <= limit)
        {
            var request = worker.Next();
            var started = Stopwatch.GetTimestamp();
            var (outcome, promoted, error) = await SendAsync(client, request);
            var latency = Stopwatch.GetTimestamp() - started;
            tally.Record(request, outcome, promoted, Volatile.Read(ref _phase) == Measuring, latency, error);
            worker.Observe(request, outcome);
        }
    }

    private static async Task<(Outcome Outcome, bool Promoted, string? Error)> SendAsync(HttpClient client, BenchRequest request)
    {
        var body = string.Create(CultureInfo.InvariantCulture, $"{{\"userId\":{request.UserId},\"eventId\":\"{request.EventId}\"}}");
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = Json;
        using var message = new HttpRequestMessage(HttpMethod.Post, request.IsCancel ? CancelPath : BookPath) { Content = content };
        try
        {
            using var response = await client.SendAsync(message, HttpCompletionOption.ResponseContentRead);
            var answer = await response.Content.ReadAsByteArrayAsync();
            return Classify(request, response.StatusCode, answer);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return (Outcome.Lost, false, $"no answer: {e.GetType().Name}: {e.Message}");
        }
    }

    private static (Outcome, bool, string?) Classify(BenchRequest request, HttpStatusCode status, byte[] body)
    {
        var json = body.AsSpan();
        if (!request.IsCancel && status == HttpStatusCode.Created)
        {
            if (json.IndexOf("\"status\":\"booked\""u8) >= 0)
                return (Outcome.Booked, false, null);
            if (json.IndexOf("\"status\":\"waitlisted\""u8) >= 0)
                return (Outcome.Waitlisted, false, null);
        }
        else if (request.IsCancel && status == HttpStatusCode.OK)
        {
            if (json.IndexOf("\"status\":\"cancelled\""u8) >= 0)
                return (Outcome.Cancelled, json.IndexOf("\"promotedUserId\":"u8) >= 0, null);
            if (json.IndexOf("\"status\":\"left-waitlist\""u8) >= 0)
                return (Outcome.LeftWaitlist, false, null);
        }

        return (Outcome.Unexpected, false, $"{(int)status} {ProblemType(body)}");
    }

    // Errors are grouped by status and problem type; the detail names a user and would make every error distinct.
    private static string ProblemType(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body);
        var start = text.IndexOf("\"type\":\"", StringComparison.Ordinal);
        if (start < 0)
            return text.Length > 80 ? text[..80] : text;
        start += "\"type\":\"".Length;
        var end = text.IndexOf('"', start);
        return end < 0 ? text[start..] : text[start..end];
    }

    private static HttpClient CreateClient(int port, int connections) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        UseCookies = false,
        UseProxy = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
        ConnectTimeout = TimeSpan.FromSeconds(10),
    })
    {
        BaseAddress = new Uri($"http://127.0.0.1:{port}"),
        Timeout = TimeSpan.FromSeconds(30),
        DefaultRequestVersion = HttpVersion.Version11,
    };
}
