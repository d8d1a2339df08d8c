using EventBooking.Migrations;
using EventBooking.Testing;

namespace EventStore.Tests.Galera;

/// <summary>A freshly migrated database on the test run's shared 3-node Galera cluster, reachable through every node.</summary>
public sealed class GaleraDatabase : IAsyncLifetime
{
    public GaleraCluster Cluster { get; private set; } = null!;

    public string Name { get; private set; } = string.Empty;

    /// <summary>A connection string to the database through node <paramref name="node"/> (0-based).</summary>
    public string ConnectionString(int node) => Cluster.Nodes[node].DatabaseConnectionString(Name);

    public async Task InitializeAsync()
    {
        Cluster = await GaleraCluster.SharedAsync();
        Name = await Cluster.CreateDatabaseAsync("galera");
        SchemaMigrator.MigrateUp(StoreProvider.MySql, ConnectionString(0));
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
