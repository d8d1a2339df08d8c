using EventBooking.Migrations;
using Xunit;

namespace EventBooking.Testing;

/// <summary>
/// A <see cref="TestDatabase"/> with the real migrations applied, shared by the tests of one class
/// (<c>IClassFixture</c>): a subclass names the kind, <c>sealed class MySqlDatabase() : MigratedDatabase(...)</c>.
/// </summary>
public abstract class MigratedDatabase(Func<Task<TestDatabase>> create) : IAsyncLifetime
{
    private TestDatabase? _database;

    protected MigratedDatabase(StoreProvider provider, string prefix)
        : this(() => TestDatabase.CreateAsync(provider, prefix))
    {
    }

    public TestDatabase Database => _database ?? throw new InvalidOperationException("The fixture is not initialized yet.");

    public string ConnectionString => Database.ConnectionString;

    public async Task InitializeAsync() => _database = (await create()).Migrate();

    public async Task DisposeAsync()
    {
        if (_database is not null)
            await _database.DisposeAsync();
    }
}
