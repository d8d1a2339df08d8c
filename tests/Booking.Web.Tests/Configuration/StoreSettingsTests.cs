using Booking.Web.Hosting;
using EventBooking.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using MySqlConnector;

namespace Booking.Web.Tests.Configuration;

public sealed class StoreSettingsTests
{
    [Fact]
    public void From_nothing_selects_the_embedded_sqlite_file()
    {
        var settings = StoreSettings.From(Config());

        settings.ShouldBe(new StoreSettings(StoreProvider.Sqlite, StoreSettings.DefaultSqlite, MigrateOnStartup: true));
    }

    [Fact]
    public void From_seed_DB_variables_selects_mysql_with_their_values()
    {
        var settings = StoreSettings.From(Config(("DB_HOST", "db.internal"), ("DB_PORT", "3307"), ("DB_USER", "booker"), ("DB_PASSWORD", "p@ss;word"), ("DB_NAME", "tickets")));

        settings.Provider.ShouldBe(StoreProvider.MySql);
        var mysql = new MySqlConnectionStringBuilder(settings.ConnectionString);
        (mysql.Server, mysql.Port, mysql.UserID, mysql.Password, mysql.Database).ShouldBe(("db.internal", 3307u, "booker", "p@ss;word", "tickets"));
        settings.Describe().ShouldNotContain("p@ss");
    }

    [Fact]
    public void From_connection_string_and_provider_wins_over_DB_variables()
    {
        var settings = StoreSettings.From(Config(
            ("ConnectionStrings:EventStore", "Server=a;Database=b"), ("EventStore:Provider", "MySql"), ("DB_HOST", "ignored"), ("EventStore:MigrateOnStartup", "false")));

        settings.ShouldBe(new StoreSettings(StoreProvider.MySql, "Server=a;Database=b", MigrateOnStartup: false));
    }

    [Fact]
    public void From_mysql_provider_without_a_connection_refuses_to_start()
    {
        Should.Throw<OptionsValidationException>(() => StoreSettings.From(Config(("EventStore:Provider", "MySql"))))
            .Message.ShouldContain("ConnectionStrings:EventStore");
    }

    [Fact]
    public void From_a_mysql_connection_string_naming_no_database_refuses_it_instead_of_retrying_forever()
    {
        var error = Should.Throw<OptionsValidationException>(() => StoreSettings.From(Config(
            ("EventStore:Provider", "MySql"), ("ConnectionStrings:EventStore", "Server=127.0.0.1;User ID=root"))));

        error.Message.ShouldContain("ConnectionStrings:EventStore names no database");
    }

    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}
