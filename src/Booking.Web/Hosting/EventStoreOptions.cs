using EventBooking.Migrations;
using EventStore.MySql;

namespace Booking.Web.Hosting;

/// <summary>
/// The <c>EventStore</c> section. Which database (with ConnectionStrings:EventStore or the seed's DB_* variables) is
/// <see cref="StoreSettings"/>; this type exists so that the section's values are validated when the host starts.
/// </summary>
public sealed class EventStoreOptions
{
    public const string Section = "EventStore";

    public StoreProvider? Provider { get; set; }

    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>Longest wait between start-up migration attempts while the database is unreachable.</summary>
    public TimeSpan MigrationRetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    public MySqlStoreOptions MySql { get; set; } = new();

    public string? Problem() =>
        Provider is { } provider && !Enum.IsDefined(provider) ? $"{Section}:Provider must be one of {string.Join(", ", Enum.GetNames<StoreProvider>())}, not {provider}."
        : MigrationRetryMaxDelay <= TimeSpan.Zero ? $"{Section}:MigrationRetryMaxDelay must be a duration above zero as hh:mm:ss, e.g. 00:00:30, not {MigrationRetryMaxDelay}."
        : !Enum.IsDefined(MySql.Topology) ? $"{Section}:MySql:Topology must be one of {string.Join(", ", Enum.GetNames<MySqlTopology>())}, not {MySql.Topology}."
        : MySql.MaxAppendsPerCommit < 1 ? AtLeastOne(nameof(MySql.MaxAppendsPerCommit), MySql.MaxAppendsPerCommit)
        : MySql.MaxEventsPerCommit < 1 ? AtLeastOne(nameof(MySql.MaxEventsPerCommit), MySql.MaxEventsPerCommit)
        : MySql.MaxEventsPerGroupedAppend < 1 ? AtLeastOne(nameof(MySql.MaxEventsPerGroupedAppend), MySql.MaxEventsPerGroupedAppend)
        : MySql.MaxConcurrentCommits < 1 ? AtLeastOne(nameof(MySql.MaxConcurrentCommits), MySql.MaxConcurrentCommits)
        : MySql.KeepCommitConnectionFor < TimeSpan.Zero
            ? $"{Section}:MySql:{nameof(MySql.KeepCommitConnectionFor)} must be a duration of zero or more as hh:mm:ss, e.g. 00:00:01, not {MySql.KeepCommitConnectionFor}."
        : null;

    private static string AtLeastOne(string key, int value) => $"{Section}:MySql:{key} must be a whole number of at least 1, not {value}.";
}
