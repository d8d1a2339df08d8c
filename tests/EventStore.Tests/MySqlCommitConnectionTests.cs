using EventStore.MySql;
using MySqlConnector;

namespace EventStore.Tests;

/// <summary>
/// The MySQL store keeps its appends' connection between transactions instead of returning it to the pool, which would
/// reset it (a round trip) before the next append. Kept, it must be as good as a reset one: no transaction left open,
/// back to the pool when idle, and a connection that died while kept must not fail the append that finds it dead.
/// </summary>
public sealed class MySqlCommitConnectionTests(MySqlDatabase database) : IClassFixture<MySqlDatabase>
{
    [Fact]
    public async Task Appends_one_after_the_other_run_on_the_kept_connection_with_no_transaction_left_open()
    {
        var store = NewStore();
        var stream = TestEvents.StreamId();
        await store.AppendAsync(stream, ExpectedVersion.NoStream, TestEvents.Numbers(1));
        await store.AppendAsync(stream, ExpectedVersion.Exactly(1), TestEvents.Numbers(2));
        await store.AppendAsync(stream, ExpectedVersion.Exactly(3), TestEvents.Numbers(1));

        store.KeptConnectionReuses.ShouldBe(2);
        (await InTransactionAsync(store.KeptConnection.ShouldNotBeNull())).ShouldBe(0);
        (await store.ReadStreamAsync(stream)).Count.ShouldBe(4);
    }

    [Fact]
    public async Task A_refused_append_rolls_back_on_the_kept_connection_and_the_next_append_commits_alone()
    {
        var store = NewStore();
        var stream = TestEvents.StreamId();
        await store.AppendAsync(stream, ExpectedVersion.NoStream, TestEvents.Numbers(1));

        await Should.ThrowAsync<WrongExpectedVersionException>(() => store.AppendAsync(stream, ExpectedVersion.Exactly(7), TestEvents.Numbers(1)));
        (await InTransactionAsync(store.KeptConnection.ShouldNotBeNull())).ShouldBe(0, "the refused append left its transaction open");

        await store.AppendAsync(stream, ExpectedVersion.Exactly(1), TestEvents.Numbers(1));
        store.KeptConnectionReuses.ShouldBe(2);
        (await NewStore(TimeSpan.Zero).ReadStreamAsync(stream)).Select(e => e.Version).ShouldBe([1L, 2]);
    }

    [Fact]
    public async Task A_kept_connection_goes_back_to_the_pool_once_idle_for_its_time()
    {
        var store = NewStore(TimeSpan.FromMilliseconds(200));
        await store.AppendAsync(TestEvents.StreamId(), ExpectedVersion.NoStream, TestEvents.Numbers(1));
        store.KeptConnection.ShouldNotBeNull();

        for (var waited = 0; store.KeptConnection is not null && waited < 100; waited++)
            await Task.Delay(50);
        store.KeptConnection.ShouldBeNull("the idle connection returned to the pool");
    }

    [Fact]
    public async Task With_no_time_to_keep_it_every_append_returns_its_connection_to_the_pool()
    {
        var store = NewStore(TimeSpan.Zero);
        var stream = TestEvents.StreamId();
        await store.AppendAsync(stream, ExpectedVersion.NoStream, TestEvents.Numbers(1));
        await store.AppendAsync(stream, ExpectedVersion.Exactly(1), TestEvents.Numbers(1));

        store.KeptConnection.ShouldBeNull();
        store.KeptConnectionReuses.ShouldBe(0);
    }

    [Fact]
    public async Task An_append_whose_kept_connection_was_killed_meanwhile_is_written_on_a_new_one()
    {
        var store = NewStore();
        var stream = TestEvents.StreamId();
        await store.AppendAsync(stream, ExpectedVersion.NoStream, TestEvents.Numbers(1));
        await KillAsync(store.KeptConnection.ShouldNotBeNull().ServerThread);

        var result = await store.AppendAsync(stream, ExpectedVersion.Exactly(1), TestEvents.Numbers(2));

        result.StreamVersion.ShouldBe(3);
        (await store.ReadStreamAsync(stream)).Count.ShouldBe(3);
    }

    private MySqlEventStore NewStore(TimeSpan? keepFor = null) =>
        new(database.ConnectionString, TestEvents.Map(), options: new MySqlStoreOptions { KeepCommitConnectionFor = keepFor ?? TimeSpan.FromMinutes(1) });

    private static async Task<long> InTransactionAsync(MySqlConnection connection)
    {
        await using var command = new MySqlCommand("SELECT @@in_transaction;", connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task KillAsync(int serverThread)
    {
        await using var connection = new MySqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var kill = new MySqlCommand($"KILL CONNECTION {serverThread};", connection);
        await kill.ExecuteNonQueryAsync();
    }
}
