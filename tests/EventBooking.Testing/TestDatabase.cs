using EventBooking.Migrations;
using Microsoft.Data.Sqlite;
using MySqlConnector;

namespace EventBooking.Testing;

/// <summary>
/// A fresh, empty database for one test or one test class: an SQLite file in a temporary folder, a database on the
/// run's MySQL server (<see cref="MySqlServer"/>: EVENTBOOKING_TEST_MYSQL or a throwaway mariadbd), or a database
/// on the run's shared 3-node Galera cluster. Nothing here creates the schema unless asked (<see cref="Migrate"/>):
/// a host under test runs the real migrations when it starts, exactly as in production.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _directory;
    private readonly bool _dropOnDispose;
    private readonly GaleraCluster? _cluster;
    private readonly string _name;

    private TestDatabase(StoreProvider provider, string connectionString, string? directory, bool dropOnDispose, GaleraCluster? cluster = null)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _directory = directory;
        _dropOnDispose = dropOnDispose;
        _cluster = cluster;
        _name = provider == StoreProvider.MySql ? new MySqlConnectionStringBuilder(connectionString).Database : string.Empty;
    }

    public StoreProvider Provider { get; }

    /// <summary>A connection string to the database (on Galera: through the first node).</summary>
    public string ConnectionString { get; }

    /// <summary>An empty SQLite or MySQL database; <paramref name="prefix"/> starts the MySQL database's name.</summary>
    public static async Task<TestDatabase> CreateAsync(StoreProvider provider, string prefix = "test")
    {
        if (provider == StoreProvider.MySql)
            return new(provider, await MySqlServer.CreateDatabaseAsync(prefix), null, dropOnDispose: true);

        var directory = Directory.CreateTempSubdirectory($"eventbooking-{prefix}-").FullName;
        return new(provider, $"Data Source={Path.Combine(directory, "events.db")}", directory, dropOnDispose: true);
    }

    /// <summary>An empty database on the run's shared Galera cluster, reachable through every node (<see cref="ConnectionStringThrough"/>).</summary>
    public static async Task<TestDatabase> CreateOnGaleraAsync(string prefix = "galera")
    {
        var cluster = await GaleraCluster.SharedAsync();
        var name = await cluster.CreateDatabaseAsync(prefix);
        return new(StoreProvider.MySql, cluster.Nodes[0].DatabaseConnectionString(name), null, dropOnDispose: false, cluster);
    }

    /// <summary>
    /// A database on a test's own <paramref name="server"/>, which need not be running yet: the host's migrations
    /// create it. It goes away with the server, so disposing it does nothing.
    /// </summary>
    public static TestDatabase On(MariaDbServer server, string name)
    {
        ArgumentNullException.ThrowIfNull(server);
        return new(StoreProvider.MySql, server.DatabaseConnectionString(name), null, dropOnDispose: false);
    }

    /// <summary>
    /// Database <paramref name="name"/> on a Galera cluster, reached through <paramref name="node"/>; hosts on
    /// different nodes share it. It goes away with the cluster, so disposing it does nothing.
    /// </summary>
    public static TestDatabase OnGalera(GaleraNode node, string name)
    {
        ArgumentNullException.ThrowIfNull(node);
        return new(StoreProvider.MySql, node.DatabaseConnectionString(name), null, dropOnDispose: false);
    }

    /// <summary>A connection string to this Galera database through node <paramref name="node"/> (0-based).</summary>
    public string ConnectionStringThrough(int node) =>
        (_cluster ?? throw new InvalidOperationException("Not a database on the shared Galera cluster.")).Nodes[node].DatabaseConnectionString(_name);

    /// <summary>Applies the real migrations, as a host does when it starts.</summary>
    public TestDatabase Migrate()
    {
        SchemaMigrator.MigrateUp(Provider, ConnectionString);
        return this;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_dropOnDispose)
            return;
        if (Provider == StoreProvider.MySql)
        {
            await using var connection = new MySqlConnection(await MySqlServer.ConnectionStringAsync());
            await connection.OpenAsync();
            await using var drop = new MySqlCommand($"DROP DATABASE IF EXISTS `{_name}`;", connection);
            await drop.ExecuteNonQueryAsync();
            return;
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory!, recursive: true);
    }
}
