namespace EventBooking.Migrations;

/// <summary>The databases the schema is written for.</summary>
public enum StoreProvider
{
    /// <summary>The embedded default: one SQLite file, no server.</summary>
    Sqlite,

    /// <summary>MySQL 8 or MariaDB 10.11+ (InnoDB).</summary>
    MySql,
}
