namespace Booking.Web.Hosting;

/// <summary>
/// Back-off between start-up migration attempts while the database is unreachable: doubling from
/// <see cref="FirstDelay"/> up to EventStore:MigrationRetryMaxDelay (default 30 s).
/// </summary>
public sealed record MigrationRetry(TimeSpan FirstDelay, TimeSpan MaxDelay)
{
    public static MigrationRetry From(EventStoreOptions options)
    {
        var max = options.MigrationRetryMaxDelay;
        var first = TimeSpan.FromMilliseconds(500);
        return new(first < max ? first : max, max);
    }
}
