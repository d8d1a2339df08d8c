using Booking.Core.Serialization;
using EventBooking.Migrations;
using EventBooking.Testing;
using EventStore.Sqlite;

namespace Booking.Core.Tests.Processing;

/// <summary>A store over a fresh SQLite <see cref="TestDatabase"/> with the real migrations, per test.</summary>
public sealed class SqliteStoreFixture : IAsyncLifetime
{
    private TestDatabase? _database;

    public SqliteEventStore Store { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = (await TestDatabase.CreateAsync(StoreProvider.Sqlite, "core")).Migrate();
        Store = new SqliteEventStore(_database.ConnectionString, BookingEventTypes.CreateMap());
    }

    public async Task DisposeAsync()
    {
        Store?.Dispose();
        if (_database is not null)
            await _database.DisposeAsync();
    }
}
