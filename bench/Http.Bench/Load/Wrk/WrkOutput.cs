using System.Globalization;

namespace Http.Bench.Load.Wrk;

/// <summary>
/// What one wrk run reported, from the line bench/wrk/hot.lua's done() prints: completed requests, wrk's own error
/// counts (status: answers other than 2xx and 3xx; connect, read, write: socket errors; timeout: no answer within
/// wrk's 2 s), and its latency percentiles.
/// </summary>
internal sealed record WrkOutput(
    long Requests, TimeSpan Duration, long Connect, long Read, long Write, long Status, long Timeout, double P50Ms, double P99Ms, double P999Ms, double MaxMs)
{
    public const string Marker = "wrk-result";

    /// <summary>Requests answered 2xx or 3xx.</summary>
    public long Answered => Requests - Status;

    /// <summary>Requests that failed at the socket or timed out: the service may or may not have acted on them.</summary>
    public long SocketErrors => Connect + Read + Write + Timeout;

    public static WrkOutput Parse(string stdout)
    {
        var line = stdout.Split('\n').LastOrDefault(l => l.StartsWith(Marker + " ", StringComparison.Ordinal))
            ?? throw new InvalidDataException($"wrk printed no '{Marker}' line (is the script bench/wrk/hot.lua?):\n{stdout}");
        var fields = line[(Marker.Length + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(f => f.Split('='))
            .ToDictionary(kv => kv[0], kv => long.Parse(kv[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);
        long Field(string name) => fields.TryGetValue(name, out var value) ? value : throw new InvalidDataException($"wrk's '{Marker}' line has no {name}: {line}");
        double Ms(string name) => Field(name) / 1000.0;
        return new WrkOutput(
            Field("requests"), TimeSpan.FromMicroseconds(Field("duration_us")), Field("connect"), Field("read"), Field("write"), Field("status"), Field("timeout"),
            Ms("p50_us"), Ms("p99_us"), Ms("p999_us"), Ms("max_us"));
    }
}
