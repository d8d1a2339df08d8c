using EventStore.Sqlite;
using EventStore.Subscriptions;

namespace EventStore.Tests.Subscriptions;

public sealed class SqliteSubscriptionStoreTests(SqliteDatabase database) : SubscriptionStoreContract, IClassFixture<SqliteDatabase>
{
    protected override ISubscriptionStore Store { get; } = new SqliteSubscriptionStore(database.ConnectionString);

    protected override ISubscriptionStore OtherNode { get; } = new SqliteSubscriptionStore(database.ConnectionString);
}
