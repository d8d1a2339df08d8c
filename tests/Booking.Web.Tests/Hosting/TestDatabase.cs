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
    private readonly bool _dropOnDispose;

    private TestDatabase(StoreProvider provider, string connectionString, string? directory, bool dropOnDispose = true)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _directory = directory;
        _dropOnDispose = dropOnDispose;
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

    /// <summary>
    /// A database on a test's own <paramref name="server"/>, which need not be running yet: the host's migrations
    /// create it. It goes away with the server, so disposing it does nothing.
    /// </summary>
    public static TestDatabase On(MariaDbServer server, string name) =>
        new(StoreProvider.MySql, server.DatabaseConnectionString(name), null, dropOnDispose: false);

    /// <summary>
    /// Database <paramref name="name"/> on a Galera cluster, reached through <paramref name="node"/>; hosts on
    /// different nodes share it. It goes away with the cluster, so disposing it does nothing.
    /// </summary>
    public static TestDatabase OnGalera(GaleraNode node, string name) =>
        new(StoreProvider.MySql, node.DatabaseConnectionString(name), null, dropOnDispose: false);

    public async ValueTask DisposeAsync()
    {
        if (!_dropOnDispose)
            return;
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
