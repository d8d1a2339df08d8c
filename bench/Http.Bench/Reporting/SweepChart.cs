using System.Globalization;
using System.Text;
using Http.Bench.Scenarios;

namespace Http.Bench.Reporting;

/// <summary>An SVG of the sweep: bookings/s and p99 latency against connections, side by side, written without a library.</summary>
internal static class SweepChart
{
    private const int PanelWidth = 360;
    private const int PanelHeight = 240;
    private const int Left = 70;
    private const int Top = 40;
    private const int Bottom = 50;
    private static readonly int[] NiceSteps = [1, 2, 5, 10];

    public static string Svg(ScenarioResult sweep, string title)
    {
        var steps = sweep.Steps.Select(s => s.Load).ToList();
        var width = (2 * (Left + PanelWidth)) + 30;
        var height = Top + PanelHeight + Bottom;
        var svg = new StringBuilder()
            .AppendLine(Inv($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"12\">"))
            .AppendLine(Inv($"<rect width=\"{width}\" height=\"{height}\" fill=\"white\"/>"))
            .AppendLine(Inv($"<text x=\"{width / 2}\" y=\"18\" text-anchor=\"middle\" font-size=\"14\">{Escape(title)}</text>"));
        var labels = steps.Select(s => s.Connections.ToString(CultureInfo.InvariantCulture)).ToList();
        Panel(svg, 0, "bookings/s", labels, steps.Select(s => s.PerSecond).ToList(), "#1f77b4", v => v.ToString("N0", CultureInfo.InvariantCulture));
        Panel(svg, Left + PanelWidth + 30, "p99 latency (ms)", labels, steps.Select(s => s.PercentileMs(99)).ToList(), "#d62728", v => v.ToString("0.#", CultureInfo.InvariantCulture));
        return svg.AppendLine("</svg>").ToString();
    }

    private static void Panel(StringBuilder svg, int x0, string label, List<string> categories, List<double> values, string colour, Func<double, string> format)
    {
        var max = NiceCeiling(values.DefaultIfEmpty(1).Max());
        var left = x0 + Left;
        var bottom = Top + PanelHeight;
        svg.AppendLine(Inv($"<text x=\"{left + (PanelWidth / 2)}\" y=\"{Top - 8}\" text-anchor=\"middle\">{Escape(label)}</text>"));
        for (var tick = 0; tick <= 4; tick++)
        {
            var y = bottom - (tick * PanelHeight / 4.0);
            svg.AppendLine(Inv($"<line x1=\"{left}\" y1=\"{y:0.#}\" x2=\"{left + PanelWidth}\" y2=\"{y:0.#}\" stroke=\"#ddd\"/>"))
                .AppendLine(Inv($"<text x=\"{left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\">{Escape(format(max * tick / 4))}</text>"));
        }

        var step = PanelWidth / (double)Math.Max(1, categories.Count);
        var points = new List<string>();
        for (var i = 0; i < categories.Count; i++)
        {
            var x = left + (step * (i + 0.5));
            var y = bottom - (values[i] / max * PanelHeight);
            points.Add(Inv($"{x:0.#},{y:0.#}"));
            svg.AppendLine(Inv($"<circle cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"4\" fill=\"{colour}\"/>"))
                .AppendLine(Inv($"<text x=\"{x:0.#}\" y=\"{y - 8:0.#}\" text-anchor=\"middle\">{Escape(format(values[i]))}</text>"))
                .AppendLine(Inv($"<text x=\"{x:0.#}\" y=\"{bottom + 18}\" text-anchor=\"middle\">{Escape(categories[i])}</text>"));
        }

        svg.AppendLine(Inv($"<polyline points=\"{string.Join(' ', points)}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\"/>"))
            .AppendLine(Inv($"<line x1=\"{left}\" y1=\"{bottom}\" x2=\"{left + PanelWidth}\" y2=\"{bottom}\" stroke=\"black\"/>"))
            .AppendLine(Inv($"<line x1=\"{left}\" y1=\"{Top}\" x2=\"{left}\" y2=\"{bottom}\" stroke=\"black\"/>"))
            .AppendLine(Inv($"<text x=\"{left + (PanelWidth / 2)}\" y=\"{bottom + 38}\" text-anchor=\"middle\">connections</text>"));
    }

    // 1, 2 or 5 times a power of ten, at or above the largest value: round axis ticks.
    private static double NiceCeiling(double value)
    {
        if (value <= 0 || double.IsNaN(value))
            return 1;
        var power = Math.Pow(10, Math.Floor(Math.Log10(value)));
        return NiceSteps.Select(m => m * power).First(c => c >= value);
    }

    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
