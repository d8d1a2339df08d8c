using EventStore.MySql;
using MySqlConnector;

namespace EventStore.Tests.Bugs;

/// <summary>
/// Found by the store benchmark, when appends took a named lock around their events INSERT: a statement after it
/// failed (an event id already stored in another stream), the lock was never released, and every other process's
/// append waited on the idle pooled connection that held it. Appends now lock the position counter row instead, just
/// before that INSERT; a failed append must not leave it locked either.
/// </summary>
public sealed class AppendLockOutlivedFailedAppend(MySqlDatabase database) : IClassFixture<MySqlDatabase>
{
    [Fact]
    public async Task Append_that_fails_after_taking_positions_leaves_the_position_counter_free()
    {
        var store = new MySqlEventStore(database.ConnectionString, TestEvents.Map());
        var reused = TestEvents.Numbers(1);
        await store.AppendAsync(TestEvents.StreamId(), ExpectedVersion.NoStream, reused);
        var other = TestEvents.StreamId();
        await store.AppendAsync(other, ExpectedVersion.NoStream, TestEvents.Numbers(1));

        await Should.ThrowAsync<WrongExpectedVersionException>(() => store.AppendAsync(other, ExpectedVersion.Exactly(1), reused));

        await using var connection = new MySqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var counter = new MySqlCommand("SELECT last FROM event_positions WHERE id = 1 FOR UPDATE NOWAIT;", connection, transaction);
        var ex = await Record.ExceptionAsync(() => counter.ExecuteScalarAsync());
        ex.ShouldBeNull("nobody may hold the position counter after the append failed");
    }
}
