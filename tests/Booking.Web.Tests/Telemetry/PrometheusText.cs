using System.Globalization;

namespace Booking.Web.Tests.Telemetry;

/// <summary>Sample lines of a Prometheus text scrape, looked up by metric name and labels (in any order).</summary>
internal sealed class PrometheusText(string text)
{
    public string Text => text;

    public bool Has(string metric) =>
        Lines().Any(line => line.StartsWith(metric + "{", StringComparison.Ordinal) || line.StartsWith(metric + " ", StringComparison.Ordinal));

    /// <summary>The sum of the samples of <paramref name="metric"/> carrying every one of <paramref name="labels"/> (0 if none).</summary>
    public double Value(string metric, params string[] labels) => Lines()
        .Where(line => line.StartsWith(metric + "{", StringComparison.Ordinal) && labels.All(label => line.Contains(label, StringComparison.Ordinal)))
        .Sum(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));

    private IEnumerable<string> Lines() => text.Split('\n').Where(line => !line.StartsWith('#'));
}
