using System.Diagnostics;
using Booking.Core.Serialization;
using Booking.Core.TicketedEvents;
using EventStore;

namespace Operations.Bench.Seeding;

/// <summary>What seeding wrote: the final status of every ticketed event (the fold of its stream) and how long it took.</summary>
internal sealed record SeedResult(
    IReadOnlyDictionary<string, TicketedEventStatus> Statuses, IReadOnlyDictionary<string, long> Mix, double MeanPeakWaiting, long Events, long Appends, TimeSpan Elapsed)
{
    public double EventsPerSecond => Events / Elapsed.TotalSeconds;
}

/// <summary>
/// Appends the booking histories through <see cref="IEventWriter.AppendAsync"/>, as the service does: exact expected
/// versions, the status document in the same transaction. Writers take turns over their streams, one append each,
/// so a page of the global order holds many streams, as it would after live traffic.
/// </summary>
internal static class Seeder
{
    private const int Seed = 20_260_004;

    public static async Task<SeedResult> RunAsync(IEventStore store, BenchOptions options, IProgress<long> progress)
    {
        var histories = Lengths(options.Events, options.TicketedEvents, new Random(Seed))
            .Select((length, i) => new BookingHistory(i, length, new Random(Seed + i + 1)))
            .ToArray();
        var clock = Stopwatch.StartNew();
        var mix = TicketedEventEventTypes.All.Keys.ToDictionary(name => name, _ => 0L, StringComparer.Ordinal);
        var written = 0L;
        var appends = 0L;
        await Task.WhenAll(Enumerable.Range(0, options.Writers).Select(writer => Task.Run(async () =>
        {
            var mine = histories.Where((_, i) => i % options.Writers == writer).ToArray();
            var turn = new Random(Seed - writer);
            while (mine.Any(h => !h.Done))
            {
                turn.Shuffle(mine);
                foreach (var history in mine.Where(h => !h.Done))
                {
                    var events = history.Next(options.AppendSize);
                    var status = new ProjectionDocument(BookingEventTypes.StatusProjection, history.Id.DocumentKey, TicketedEventStatus.From(history.State));
                    await store.AppendAsync(history.Id.StreamId, ExpectedVersion.Exactly(history.VersionBefore), events, [status]);
                    Interlocked.Increment(ref appends);
                    lock (mix)
                    {
                        foreach (var e in events)
                            mix[TicketedEventEventTypes.Names[e.Data.GetType()]]++;
                    }

                    progress.Report(Interlocked.Add(ref written, events.Count));
                }
            }
        })));

        var statuses = histories.ToDictionary(h => h.Id.Value.ToString(), h => TicketedEventStatus.From(h.State), StringComparer.Ordinal);
        return new SeedResult(statuses, mix, histories.Average(h => h.PeakWaiting), written, appends, clock.Elapsed);
    }

    // Lengths between half and one and a half times the mean, summing exactly to the events asked for.
    private static long[] Lengths(int events, int streams, Random random)
    {
        var mean = events / streams;
        var lengths = Enumerable.Range(0, streams).Select(i => (long)mean + (i < events % streams ? 1 : 0)).ToArray();
        for (var i = 0; i + 1 < streams; i += 2)
        {
            var shift = random.Next(mean / 2);
            (lengths[i], lengths[i + 1]) = (lengths[i] + shift, lengths[i + 1] - shift);
        }

        return lengths;
    }
}
