namespace Logging.Bench;

/// <summary>
/// Named changes to the shipped Serilog section, as configuration keys over appsettings.json. The file sink always
/// writes into the run's own folder. In the shipped section, WriteTo:0 is the async buffer, and its configure:0 is the
/// console (behind its filter, a sub-logger), configure:1 the file.
/// </summary>
internal static class Variants
{
    private const string Console = "Serilog:WriteTo:0:Args:configure:0:Args:";
    private const string File = "Serilog:WriteTo:0:Args:configure:1:Args:";

    public static Dictionary<string, string?> Overrides(string variant, string logPath)
    {
        var overrides = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [File + "path"] = logPath,
            // Every line counts: a benchmark that outruns the sinks must wait for them, not lose lines.
            ["Serilog:WriteTo:0:Args:blockWhenFull"] = "true",
        };
        foreach (var (key, value) in variant switch
        {
            "shipped" => [],
            "file-only" => [(Console + "restrictedToMinimumLevel", "Warning")],
            "console-only" => [(File + "restrictedToMinimumLevel", "Warning")],
            "none" => [(Console + "restrictedToMinimumLevel", "Warning"), (File + "restrictedToMinimumLevel", "Warning")],
            "off" => [("Serilog:MinimumLevel:Default", "Warning")],
            _ => variant.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(Pair).ToArray(),
        })
        {
            overrides[key] = value;
        }

        return overrides;
    }

    private static (string, string) Pair(string assignment) =>
        assignment.IndexOf('=', StringComparison.Ordinal) is var at and > 0
            ? (assignment[..at], assignment[(at + 1)..])
            : throw new ArgumentException($"A variant is a name or KEY=VALUE pairs joined by ';', not '{assignment}'.");
}
