using EventBooking.Migrations;
using EventBooking.Testing;
using Microsoft.Data.Sqlite;
using MySqlConnector;

namespace Booking.Web.Tests.Hosting;

/// <summary>
/// A fresh, empty database of one provider. Nothing here creates the schema: the host under test runs the real
/// migrations when it starts, exactly as in production.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _directory;

    private TestDatabase(StoreProvider provider, string connectionString, string? directory)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _directory = directory;
    }

    public StoreProvider Provider { get; }

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(StoreProvider provider)
    {
        if (provider == StoreProvider.MySql)
            return new(provider, await MySqlServer.CreateDatabaseAsync("web"), null);

        var directory = Directory.CreateTempSubdirectory("eventbooking-web-").FullName;
        return new(provider, $"Data Source={Path.Combine(directory, "events.db")}", directory);
    }

    public async ValueTask DisposeAsync()
    {
        if (Provider == StoreProvider.MySql)
        {
            var database = new MySqlConnectionStringBuilder(ConnectionString).Database;
            await using var connection = new MySqlConnection(await MySqlServer.ConnectionStringAsync());
            await connection.OpenAsync();
            await using var drop = new MySqlCommand($"DROP DATABASE IF EXISTS `{database}`;", connection);
            await drop.ExecuteNonQueryAsync();
            return;
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory!, recursive: true);
    }
}
