using EventBooking.Migrations;
using EventStore.MySql;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using MySqlConnector;

namespace Booking.Web.Hosting;

/// <summary>
/// Which store the service uses, from configuration: ConnectionStrings:EventStore with EventStore:Provider
/// (Sqlite or MySql); else the seed's DB_HOST, DB_PORT, DB_USER, DB_PASSWORD, DB_NAME (DB_HOST selects MySQL);
/// else the embedded SQLite file data/eventbooking.db (relative to the working directory, which the service makes its
/// own folder: see <see cref="ServiceHost"/>).
/// </summary>
public sealed record StoreSettings(StoreProvider Provider, string ConnectionString, bool MigrateOnStartup)
{
    public const string DefaultSqlite = "Data Source=data/eventbooking.db";

    /// <summary>The MySQL store's group commit (configuration section EventStore:MySql).</summary>
    public MySqlStoreOptions MySql { get; init; } = new();

    /// <summary>The settings, or an <see cref="OptionsValidationException"/> naming the key that is wrong (the operator commands, which have no host).</summary>
    public static StoreSettings From(IConfiguration configuration) =>
        From(configuration, configuration.GetSection(EventStoreOptions.Section).Get<EventStoreOptions>() ?? new());

    /// <summary>As the other overload, with the EventStore section bound already (the host's validated options).</summary>
    public static StoreSettings From(IConfiguration configuration, EventStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = FromConnection(configuration, options) with { MySql = options.MySql };
        if ((options.Problem() ?? ProblemOf(settings)) is { } problem)
            throw new OptionsValidationException(EventStoreOptions.Section, typeof(StoreSettings), [problem]);
        return settings;
    }

    private static StoreSettings FromConnection(IConfiguration configuration, EventStoreOptions options)
    {
        var migrate = options.MigrateOnStartup;
        var connectionString = configuration.GetConnectionString("EventStore");
        if (!string.IsNullOrWhiteSpace(connectionString))
            return new(options.Provider ?? StoreProvider.Sqlite, connectionString, migrate);

        var seed = configuration.Get<SeedDatabaseOptions>() ?? new();
        if (!string.IsNullOrWhiteSpace(seed.Host))
        {
            var mysql = new MySqlConnectionStringBuilder
            {
                Server = seed.Host,
                Port = seed.Port ?? 3306,
                UserID = seed.User ?? "root",
                Password = seed.Password ?? string.Empty,
                Database = seed.Name ?? "eventbooking",
            };
            return new(StoreProvider.MySql, mysql.ConnectionString, migrate);
        }

        if (options.Provider == StoreProvider.MySql)
            throw new OptionsValidationException(EventStoreOptions.Section, typeof(StoreSettings),
                ["EventStore:Provider is MySql but neither ConnectionStrings:EventStore nor DB_HOST is set."]);
        return new(StoreProvider.Sqlite, DefaultSqlite, migrate);
    }

    // A MySQL connection string without a database would be retried forever as if the server were down.
    private static string? ProblemOf(StoreSettings settings)
    {
        try
        {
            return settings.Provider switch
            {
                StoreProvider.MySql when string.IsNullOrWhiteSpace(new MySqlConnectionStringBuilder(settings.ConnectionString).Database) =>
                    "ConnectionStrings:EventStore names no database: add Database=<name> (or set DB_NAME with DB_HOST).",
                StoreProvider.Sqlite when string.IsNullOrWhiteSpace(new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource) =>
                    "ConnectionStrings:EventStore names no SQLite file: give Data Source=<path>.",
                _ => null,
            };
        }
        catch (ArgumentException e)
        {
            return $"ConnectionStrings:EventStore is not a valid {settings.Provider} connection string: {e.Message}";
        }
    }

    /// <summary>Where the data lives, without the password: safe to log.</summary>
    public string Describe() => Provider switch
    {
        StoreProvider.MySql => new MySqlConnectionStringBuilder(ConnectionString) is var b ? $"MySQL {b.Server}:{b.Port}/{b.Database}" : string.Empty,
        _ => $"SQLite {new SqliteConnectionStringBuilder(ConnectionString).DataSource}",
    };
}
