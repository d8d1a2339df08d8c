using System.Globalization;

namespace Operations.Bench;

/// <summary>The command line: how much history to seed, how to append it, how often to repeat each measurement.</summary>
internal sealed record BenchOptions(int Events, int TicketedEvents, int AppendSize, int Writers, int Runs, IReadOnlyList<string> Only, bool Keep, string? Output)
{
    public const string Usage =
        """
        dotnet run -c Release --project bench/Operations.Bench -- [options]
          --events N           events to seed (default 1000000)
          --ticketed-events N  ticketed events (streams) they are spread over (default 1000)
          --append-size N      events per append while seeding (default 100)
          --writers N          concurrent appenders while seeding, each on its own streams (default 4)
          --runs N             repeats of every measurement; the report gives the median (default 3)
          --only a,b           run only the measurements whose names start with one of these (default all)
          --keep               leave the seeded database on the EVENTBOOKING_BENCH_MYSQL server (to run the operator CLI on it)
          --out PATH           report file (default bench/Operations.Bench/results/rebuild-<date>.md)
        Server: EVENTBOOKING_BENCH_MYSQL (root connection string, no database), else a throwaway mariadbd.
        """;

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions(1_000_000, 1_000, 100, 4, 3, [], false, null);
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.\n{Usage}");
            options = args[i] switch
            {
                "--events" => options with { Events = Positive(Next()) },
                "--ticketed-events" => options with { TicketedEvents = Positive(Next()) },
                "--append-size" => options with { AppendSize = Positive(Next()) },
                "--writers" => options with { Writers = Positive(Next()) },
                "--runs" => options with { Runs = Positive(Next()) },
                "--only" => options with { Only = Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) },
                "--keep" => options with { Keep = true },
                "--out" => options with { Output = Next() },
                _ => throw new ArgumentException($"Unknown option {args[i]}.\n{Usage}"),
            };
        }

        // Every ticketed event needs its TicketsInitialized plus room for a booking history.
        return options.Events >= options.TicketedEvents * 10
            ? options
            : throw new ArgumentException($"--events must be at least 10 per ticketed event ({options.TicketedEvents * 10}).");
    }

    /// <summary>Whether the measurement called <paramref name="name"/> is to run.</summary>
    public bool Selects(string name) => Only.Count == 0 || Only.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));

    private static int Positive(string value) =>
        int.Parse(value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture) is var n and > 0
            ? n
            : throw new ArgumentException($"{value} is not a positive number.");
}
