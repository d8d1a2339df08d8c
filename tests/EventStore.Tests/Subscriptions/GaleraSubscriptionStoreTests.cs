using EventStore.MySql;
using EventStore.Subscriptions;

namespace EventStore.Tests.Subscriptions;

/// <summary>The contract on a Galera cluster with the contenders on different nodes: they race in certification.</summary>
public sealed class GaleraSubscriptionStoreTests(GaleraDatabase database) : SubscriptionStoreContract, IClassFixture<GaleraDatabase>
{
    protected override ISubscriptionStore Store { get; } = new MySqlSubscriptionStore(database.Database.ConnectionStringThrough(0));

    protected override ISubscriptionStore OtherNode { get; } = new MySqlSubscriptionStore(database.Database.ConnectionStringThrough(1));
}
