namespace Http.Bench.Load;

/// <summary>What one ticketed event received: the answers that change its books.</summary>
internal sealed class EventCounts
{
    public long Booked { get; set; }
    public long Waitlisted { get; set; }
    public long Cancelled { get; set; }
    public long LeftWaitlist { get; set; }
    public long Promoted { get; set; }

    /// <summary>Seats taken now: bookings, less cancelled bookings, plus the waiting users promoted into them.</summary>
    public long ExpectedBooked => Booked - Cancelled + Promoted;

    public long ExpectedWaiting => Waitlisted - LeftWaitlist - Promoted;

    public void Add(EventCounts other)
    {
        Booked += other.Booked;
        Waitlisted += other.Waitlisted;
        Cancelled += other.Cancelled;
        LeftWaitlist += other.LeftWaitlist;
        Promoted += other.Promoted;
    }
}

/// <summary>
/// One worker's record, kept without locks and merged at the end: outcomes per ticketed event (every phase, for the
/// books), outcomes and latencies of the measured window (for the figures), and what went wrong.
/// </summary>
internal sealed class Tally
{
    public Dictionary<long, EventCounts> ByEvent { get; } = [];
    public long[] Measured { get; } = new long[Enum.GetValues<Outcome>().Length];
    public long[] All { get; } = new long[Enum.GetValues<Outcome>().Length];
    public List<long> MeasuredLatencyTicks { get; } = new(1 << 16);
    public Dictionary<string, long> Errors { get; } = new(StringComparer.Ordinal);

    public void Record(BenchRequest request, Outcome outcome, bool promoted, bool measured, long latencyTicks, string? error)
    {
        All[(int)outcome]++;
        if (measured)
        {
            Measured[(int)outcome]++;
            MeasuredLatencyTicks.Add(latencyTicks);
        }

        if (error is not null)
            Errors[error] = Errors.GetValueOrDefault(error) + 1;

        if (!ByEvent.TryGetValue(request.EventId, out var counts))
            ByEvent[request.EventId] = counts = new EventCounts();
        switch (outcome)
        {
            case Outcome.Booked: counts.Booked++; break;
            case Outcome.Waitlisted: counts.Waitlisted++; break;
            case Outcome.Cancelled: counts.Cancelled++; break;
            case Outcome.LeftWaitlist: counts.LeftWaitlist++; break;
        }

        if (promoted)
            counts.Promoted++;
    }

    /// <summary>
    /// A wrk run's counts: every 2xx answer as a booking of <paramref name="eventId"/> (the hot event has tickets for
    /// all of them), other statuses as unexpected, socket errors and timeouts as lost. No latencies: wrk keeps those.
    /// </summary>
    public static Tally FromWrk(long eventId, Wrk.WrkOutput output, bool measured)
    {
        var tally = new Tally();
        void Add(Outcome outcome, long count)
        {
            tally.All[(int)outcome] += count;
            if (measured)
                tally.Measured[(int)outcome] += count;
        }

        Add(Outcome.Booked, output.Answered);
        Add(Outcome.Unexpected, output.Status);
        Add(Outcome.Lost, output.SocketErrors);
        tally.ByEvent[eventId] = new EventCounts { Booked = output.Answered };
        if (output.Status > 0)
            tally.Errors["wrk: answers other than 2xx/3xx"] = output.Status;
        if (output.SocketErrors > 0)
            tally.Errors["wrk: socket errors or timeouts"] = output.SocketErrors;
        return tally;
    }

    public static Tally Merge(IEnumerable<Tally> tallies)
    {
        var total = new Tally();
        foreach (var t in tallies)
        {
            for (var i = 0; i < t.All.Length; i++)
            {
                total.All[i] += t.All[i];
                total.Measured[i] += t.Measured[i];
            }

            total.MeasuredLatencyTicks.AddRange(t.MeasuredLatencyTicks);
            foreach (var (error, count) in t.Errors)
                total.Errors[error] = total.Errors.GetValueOrDefault(error) + count;
            foreach (var (id, counts) in t.ByEvent)
            {
                if (!total.ByEvent.TryGetValue(id, out var sum))
                    total.ByEvent[id] = sum = new EventCounts();
                sum.Add(counts);
            }
        }

        return total;
    }
}
