namespace Booking.Core.Projections;

/// <summary>Where a scan of the global order (rebuild, audit) is: events applied, the global position reached, and the head it is heading for.</summary>
public sealed record ScanProgress(long EventsApplied, long Position, long HeadPosition, TimeSpan Elapsed)
{
    public double EventsPerSecond => Elapsed.TotalSeconds > 0 ? EventsApplied / Elapsed.TotalSeconds : 0;
}
