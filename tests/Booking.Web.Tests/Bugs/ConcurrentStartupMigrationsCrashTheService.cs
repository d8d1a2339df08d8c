using EventBooking.Migrations;

namespace Booking.Web.Tests.Bugs;

/// <summary>
/// Found by the several-processes suite (issue #6): three service processes started together on an empty MySQL
/// database all ran the migrations at once; FluentMigrator does not lock, so all but one failed on tables the
/// first had just created, and those processes exited during start-up (code 134).
/// </summary>
public sealed class ConcurrentStartupMigrationsCrashTheService
{
    [Fact]
    public async Task MigrateUp_by_four_processes_at_once_on_one_database_applies_each_migration_once_and_fails_none()
    {
        await using var database = await TestDatabase.CreateAsync(StoreProvider.MySql, "migrate");
        var connectionString = database.ConnectionString;
        using var start = new Barrier(4);

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            start.SignalAndWait();
            return SchemaMigrator.MigrateUp(StoreProvider.MySql, connectionString);
        })));

        await using var reference = await TestDatabase.CreateAsync(StoreProvider.MySql, "migrate");
        var alone = SchemaMigrator.MigrateUp(StoreProvider.MySql, reference.ConnectionString);
        runs.SelectMany(run => run).Order(StringComparer.Ordinal).ToList().ShouldBe(alone.ToList(), "each migration applied exactly once, by one of the four");
        SchemaMigrator.MigrateUp(StoreProvider.MySql, connectionString).ShouldBeEmpty();
    }
}
