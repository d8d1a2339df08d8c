using EventBooking.Migrations;
using EventStore.MySql;
using MySqlConnector;

namespace Booking.Web.Hosting;

/// <summary>
/// Which store the service uses, from configuration: ConnectionStrings:EventStore with EventStore:Provider
/// (Sqlite or MySql); else the seed's DB_HOST, DB_PORT, DB_USER, DB_PASSWORD, DB_NAME (DB_HOST selects MySQL);
/// else the embedded SQLite file data/eventbooking.db.
/// </summary>
public sealed record StoreSettings(StoreProvider Provider, string ConnectionString, bool MigrateOnStartup)
{
    public const string DefaultSqlite = "Data Source=data/eventbooking.db";

    /// <summary>The MySQL store's group commit (configuration section EventStore:MySql).</summary>
    public MySqlStoreOptions MySql { get; init; } = new();

    public static StoreSettings From(IConfiguration configuration) =>
        FromConnection(configuration) with { MySql = configuration.GetSection("EventStore:MySql").Get<MySqlStoreOptions>() ?? new() };

    private static StoreSettings FromConnection(IConfiguration configuration)
    {
        var migrate = configuration.GetValue("EventStore:MigrateOnStartup", true);
        var connectionString = configuration.GetConnectionString("EventStore");
        var provider = configuration.GetValue<StoreProvider?>("EventStore:Provider");
        if (!string.IsNullOrWhiteSpace(connectionString))
            return new(provider ?? StoreProvider.Sqlite, connectionString, migrate);

        var host = configuration["DB_HOST"];
        if (!string.IsNullOrWhiteSpace(host))
        {
            var mysql = new MySqlConnectionStringBuilder
            {
                Server = host,
                Port = configuration.GetValue<uint?>("DB_PORT") ?? 3306,
                UserID = configuration["DB_USER"] ?? "root",
                Password = configuration["DB_PASSWORD"] ?? string.Empty,
                Database = configuration["DB_NAME"] ?? "eventbooking",
            };
            return new(StoreProvider.MySql, mysql.ConnectionString, migrate);
        }

        if (provider == StoreProvider.MySql)
            throw new InvalidOperationException("EventStore:Provider is MySql but neither ConnectionStrings:EventStore nor DB_HOST is set.");
        return new(StoreProvider.Sqlite, DefaultSqlite, migrate);
    }

    /// <summary>Where the data lives, without the password: safe to log.</summary>
    public string Describe() => Provider switch
    {
        StoreProvider.MySql => new MySqlConnectionStringBuilder(ConnectionString) is var b ? $"MySQL {b.Server}:{b.Port}/{b.Database}" : string.Empty,
        _ => $"SQLite {new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString).DataSource}",
    };
}
