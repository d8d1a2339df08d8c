using EventBooking.Migrations;
using EventBooking.Testing;

namespace EventStore.Tests;

// The class fixtures of this suite: one migrated database per test class, of each kind.
public sealed class SqliteDatabase() : MigratedDatabase(StoreProvider.Sqlite, "store");

public sealed class MySqlDatabase() : MigratedDatabase(StoreProvider.MySql, "store");

/// <summary>On the run's shared Galera cluster: <see cref="TestDatabase.ConnectionStringThrough"/> reaches it through any node.</summary>
public sealed class GaleraDatabase() : MigratedDatabase(() => TestDatabase.CreateOnGaleraAsync());
