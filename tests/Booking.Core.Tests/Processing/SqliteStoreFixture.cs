using Booking.Core.Serialization;
using EventBooking.Migrations;
using EventStore.Sqlite;
using Microsoft.Data.Sqlite;

namespace Booking.Core.Tests.Processing;

/// <summary>A fresh SQLite store with the real migrations, per test.</summary>
public sealed class SqliteStoreFixture : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("eventbooking-core-").FullName;

    public SqliteStoreFixture()
    {
        var connectionString = $"Data Source={Path.Combine(_directory, "events.db")}";
        SchemaMigrator.MigrateUp(StoreProvider.Sqlite, connectionString);
        Store = new SqliteEventStore(connectionString, BookingEventTypes.CreateMap());
    }

    public SqliteEventStore Store { get; }

    public void Dispose()
    {
        Store.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
