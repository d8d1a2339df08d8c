using EventStore.MySql;
using EventStore.Subscriptions;

namespace EventStore.Tests.Subscriptions;

public sealed class MySqlSubscriptionStoreTests(MySqlDatabase database) : SubscriptionStoreContract, IClassFixture<MySqlDatabase>
{
    protected override ISubscriptionStore Store { get; } = new MySqlSubscriptionStore(database.ConnectionString);

    protected override ISubscriptionStore OtherNode { get; } = new MySqlSubscriptionStore(database.ConnectionString);
}
