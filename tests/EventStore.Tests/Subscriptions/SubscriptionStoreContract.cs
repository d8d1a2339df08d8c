using EventStore.Subscriptions;

namespace EventStore.Tests.Subscriptions;

/// <summary>
/// The behaviour every subscription store must have: checkpoints fenced by a lease that one owner holds at a time,
/// expiring by the database's clock. Subclassed once per provider over a freshly migrated database.
/// </summary>
public abstract class SubscriptionStoreContract
{
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(5);

    /// <summary>The store under test.</summary>
    protected abstract ISubscriptionStore Store { get; }

    /// <summary>A second store over the same database (on Galera: through another node), as another service node would have.</summary>
    protected abstract ISubscriptionStore OtherNode { get; }

    private static string NewId() => "sub-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Create_then_get_returns_an_active_subscription_at_its_position()
    {
        var id = NewId();

        await Store.CreateAsync(id, """{"url":"http://x"}""", 42);

        var state = (await Store.GetAsync(id)).ShouldNotBeNull();
        state.Definition.ShouldBe("""{"url":"http://x"}""");
        state.Position.ShouldBe(42);
        state.Status.ShouldBe(SubscriptionStatus.Active);
        state.LastError.ShouldBeNull();
        state.LeaseOwner.ShouldBeNull();
        state.CreatedAt.ShouldBe(DateTime.UtcNow, TimeSpan.FromMinutes(2));
    }

    [Fact]
    public async Task Create_with_an_existing_id_throws_and_keeps_the_first()
    {
        var id = NewId();
        await Store.CreateAsync(id, "first", 1);

        await Should.ThrowAsync<ArgumentException>(() => Store.CreateAsync(id, "second", 2));

        (await Store.GetAsync(id))!.Definition.ShouldBe("first");
    }

    [Fact]
    public async Task List_includes_every_created_subscription_in_id_order()
    {
        var ids = new[] { NewId(), NewId(), NewId() };
        foreach (var id in ids)
            await Store.CreateAsync(id, "d", 1);

        var listed = (await Store.ListAsync()).Select(s => s.Id).Where(ids.Contains).ToList();

        listed.ShouldBe(ids.Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task Get_and_delete_of_an_unknown_id_find_nothing()
    {
        (await Store.GetAsync(NewId())).ShouldBeNull();
        (await Store.DeleteAsync(NewId())).ShouldBeFalse();
        (await Store.ReplayAsync(NewId(), 1)).ShouldBeFalse();
        (await Store.TryTakeLeaseAsync(NewId(), "a", Long)).ShouldBeNull();
    }

    [Fact]
    public async Task Checkpoint_by_the_lease_holder_is_stored()
    {
        var id = NewId();
        await Store.CreateAsync(id, "d", 1);
        var lease = (await Store.TryTakeLeaseAsync(id, "node-a", Long)).ShouldNotBeNull();

        (await Store.CheckpointAsync(lease, 17)).ShouldBeTrue();

        (await Store.GetAsync(id))!.Position.ShouldBe(17);
    }

    [Fact]
    public async Task Checkpoint_after_another_owner_took_the_expired_lease_is_fenced_out()
    {
        var id = NewId();
        await Store.CreateAsync(id, "d", 1);
        var first = (await Store.TryTakeLeaseAsync(id, "node-a", TimeSpan.FromMilliseconds(300))).ShouldNotBeNull();
        await Task.Delay(600);
        var second = (await OtherNode.TryTakeLeaseAsync(id, "node-b", Long)).ShouldNotBeNull();

        (await Store.CheckpointAsync(first, 99)).ShouldBeFalse();
        (await Store.MarkFailingAsync(first, 99, "stale")).ShouldBeFalse();
        (await OtherNode.CheckpointAsync(second, 5)).ShouldBeTrue();

        // Read where the checkpoint was written: on Galera another node can answer a write behind even with causal
        // reads (tests/EventBooking.Testing/GaleraCluster.cs, WaitUntilAppliedAsync), which showed here as position 1.
        var state = (await OtherNode.GetAsync(id))!;
        state.Position.ShouldBe(5);
        state.Status.ShouldBe(SubscriptionStatus.Active);
    }

    [Fact]
    public async Task Checkpoint_of_an_expired_lease_nobody_took_is_refused()
    {
        var id = NewId();
        await Store.CreateAsync(id, "d", 1);
        var lease = (await Store.TryTakeLeaseAsync(id, "node-a", TimeSpan.FromMilliseconds(200))).ShouldNotBeNull();
        await Task.Delay(500);

        (await Store.CheckpointAsync(lease, 9)).ShouldBeFalse();

        (await Store.GetAsync(id))!.Position.ShouldBe(1);
    }

    [Fact]
    public async Task Checkpoint_after_a_replay_is_fenced_out_and_the_replayed_position_stays()
    {
        var id = NewId();
        await Store.CreateAsync(id, "d", 10);
        var lease = (await Store.TryTakeLeaseAsync(id, "node-a", Long)).ShouldNotBeNull();

        (await Store.ReplayAsync(id, 3)).ShouldBeTrue();

        (await Store.CheckpointAsync(lease, 20)).ShouldBeFalse();
        var renewed = (await Store.TryTakeLeaseAsync(id, "node-a", Long)).ShouldNotBeNull();
        renewed.Generation.ShouldBe(lease.Generation + 1);
        renewed.State.Position.ShouldBe(3);
        (await Store.CheckpointAsync(renewed, 4)).ShouldBeTrue();
    }

    [Fact]
    public async Task Checkpoint_after_delete_is_fenced_out()
    {
        var id = NewId();
        await Store.CreateAsync(id, "d", 1);
        var lease = (await Store.TryTakeLeaseAsync(id, "node-a", Long)).ShouldNotBeNull();

        (await Store.DeleteAsync(id)).ShouldBeTrue();

        (await Store.CheckpointAsync(lease, 2)).ShouldBeFalse();
        (await Store.TryTakeLeaseAsync(id, "node-a", Long)).ShouldBeNull();
        (await Store.GetAsync(id)).ShouldBeNull();
    }

    [Fact]
    public async Task Mark_failing_stops_checkpoints_until_a_replay_makes_it_active()
    {
        var id = NewId();
        await Store.CreateAsync(id, "d", 1);
        var lease = (await Store.TryTakeLeaseAsync(id, "node-a", Long)).ShouldNotBeNull();

        (await Store.MarkFailingAsync(lease, 7, "POST answered 500")).ShouldBeTrue();

        var failing = (await Store.GetAsync(id))!;
        failing.Status.ShouldBe(SubscriptionStatus.Failing);
        failing.LastError.ShouldBe("POST answered 500");
        failing.Position.ShouldBe(7);
        (await Store.CheckpointAsync(lease, 8)).ShouldBeFalse();

        (await Store.ReplayAsync(id, 2)).ShouldBeTrue();

        var replayed = (await Store.GetAsync(id))!;
        replayed.Status.ShouldBe(SubscriptionStatus.Active);
        replayed.LastError.ShouldBeNull();
        replayed.Position.ShouldBe(2);
    }

    [Fact]
    public async Task Take_lease_held_by_another_owner_is_refused_until_it_expires()
    {
        var id = NewId();
        await Store.CreateAsync(id, "d", 1);
        (await Store.TryTakeLeaseAsync(id, "node-a", TimeSpan.FromMilliseconds(700))).ShouldNotBeNull();

        (await OtherNode.TryTakeLeaseAsync(id, "node-b", Long)).ShouldBeNull();
        await Task.Delay(1_000);
        var taken = (await OtherNode.TryTakeLeaseAsync(id, "node-b", Long)).ShouldNotBeNull();

        taken.State.LeaseOwner.ShouldBe("node-b");
        (await Store.TryTakeLeaseAsync(id, "node-a", Long)).ShouldBeNull();
    }

    [Fact]
    public async Task Renew_by_the_holder_extends_the_lease_past_its_first_expiry()
    {
        var id = NewId();
        await Store.CreateAsync(id, "d", 1);
        var first = (await Store.TryTakeLeaseAsync(id, "node-a", TimeSpan.FromMilliseconds(800))).ShouldNotBeNull();

        for (var i = 0; i < 4; i++)
        {
            await Task.Delay(300);
            (await Store.TryTakeLeaseAsync(id, "node-a", TimeSpan.FromMilliseconds(800))).ShouldNotBeNull($"renewal {i}");
        }

        (await OtherNode.TryTakeLeaseAsync(id, "node-b", Long)).ShouldBeNull();
        (await Store.CheckpointAsync(first, 3)).ShouldBeTrue();
    }

    [Fact]
    public async Task Take_lease_expiry_is_the_database_clock_plus_the_duration()
    {
        var id = NewId();
        await Store.CreateAsync(id, "d", 1);

        var lease = (await Store.TryTakeLeaseAsync(id, "node-a", TimeSpan.FromSeconds(30))).ShouldNotBeNull();

        var state = lease.State;
        (state.LeaseExpiresAt!.Value - state.UpdatedAt).ShouldBe(TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(2));
    }

    [Fact]
    public async Task Release_lets_another_owner_take_the_lease_at_once()
    {
        var id = NewId();
        await Store.CreateAsync(id, "d", 1);
        var lease = (await Store.TryTakeLeaseAsync(id, "node-a", Long)).ShouldNotBeNull();

        await Store.ReleaseLeaseAsync(lease);

        (await OtherNode.TryTakeLeaseAsync(id, "node-b", Long)).ShouldNotBeNull();
        (await Store.CheckpointAsync(lease, 2)).ShouldBeFalse();
    }

    [Fact]
    public async Task Take_lease_by_many_contenders_at_once_gives_it_to_exactly_one()
    {
        const int contenders = 8;
        for (var round = 0; round < 5; round++)
        {
            var id = NewId();
            await Store.CreateAsync(id, "d", 1);
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var attempts = Enumerable.Range(0, contenders).Select(c => Task.Run(async () =>
            {
                await start.Task;
                return await (c % 2 == 0 ? Store : OtherNode).TryTakeLeaseAsync(id, $"node-{c}", Long);
            })).ToArray();
            start.SetResult();
            var leases = await Task.WhenAll(attempts);

            var winners = leases.Where(l => l is not null).ToList();
            winners.Count.ShouldBe(1, $"round {round}");
            (await Store.GetAsync(id))!.LeaseOwner.ShouldBe(winners[0]!.Owner);
        }
    }
}
