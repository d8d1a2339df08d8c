using EventStore.MySql;
using MySqlConnector;

namespace EventStore.Tests.Bugs;

/// <summary>
/// Found by the store benchmark: when a statement after GET_LOCK failed (an event id already stored in another
/// stream), RELEASE_LOCK never ran and ROLLBACK does not release named locks, so an idle pooled connection kept
/// the append lock and every other process's append waited on it.
/// </summary>
public sealed class AppendLockOutlivedFailedAppend(MySqlDatabase database) : IClassFixture<MySqlDatabase>
{
    [Fact]
    public async Task Append_that_fails_after_taking_the_append_lock_releases_it()
    {
        var store = new MySqlEventStore(database.ConnectionString, TestEvents.Map());
        var reused = TestEvents.Numbers(1);
        await store.AppendAsync(TestEvents.StreamId(), ExpectedVersion.NoStream, reused);
        var other = TestEvents.StreamId();
        await store.AppendAsync(other, ExpectedVersion.NoStream, TestEvents.Numbers(1));

        await Should.ThrowAsync<WrongExpectedVersionException>(() => store.AppendAsync(other, ExpectedVersion.Exactly(1), reused));

        await using var connection = new MySqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var holder = new MySqlCommand("SELECT IS_USED_LOCK(CONCAT('eventstore.append.', DATABASE()));", connection);
        (await holder.ExecuteScalarAsync()).ShouldBeOfType<DBNull>("nobody may hold the append lock after the append failed");
    }
}
