using System.Globalization;

namespace EventStore.Bench;

/// <summary>The command line: how long to measure, which batch sizes and writer counts, where to write the report.</summary>
internal sealed record BenchOptions(
    TimeSpan Measure,
    TimeSpan Warmup,
    int Rounds,
    IReadOnlyList<int> BatchSizes,
    IReadOnlyList<int> WriterCounts,
    bool Diagnose,
    string? Output)
{
    public const string Usage =
        """
        dotnet run -c Release --project bench/EventStore.Bench -- [options]
          --seconds N      measured seconds per scenario and contender (default 10), split over the rounds
          --warmup N       warm-up seconds per scenario and contender (default 2)
          --rounds N       alternate raw / store this many times per scenario (default 5)
          --batches 1,10   events per append (default 1,10,100)
          --writers 1,8    concurrent writers, each on its own streams (default 1,8)
          --diagnose       also run the ladder of store-shaped SQL variants that explains the gap
          --out PATH       report file (default bench/results/store-<date>.md)
        Server: EVENTBOOKING_BENCH_MYSQL (root connection string, no database), else a throwaway mariadbd.
        """;

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2), 5, [1, 10, 100], [1, 8], false, null);
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.\n{Usage}");
            options = args[i] switch
            {
                "--seconds" => options with { Measure = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)) },
                "--warmup" => options with { Warmup = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)) },
                "--rounds" => options with { Rounds = Positive(Next()) },
                "--batches" => options with { BatchSizes = List(Next()) },
                "--writers" => options with { WriterCounts = List(Next()) },
                "--diagnose" => options with { Diagnose = true },
                "--out" => options with { Output = Next() },
                _ => throw new ArgumentException($"Unknown option {args[i]}.\n{Usage}"),
            };
        }

        return options;
    }

    private static int[] List(string value) => value.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Positive).ToArray();

    private static int Positive(string value) =>
        int.Parse(value, CultureInfo.InvariantCulture) is var n and > 0 ? n : throw new ArgumentException($"{value} is not a positive number.");
}
