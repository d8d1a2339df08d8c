using EventBooking.Migrations;

namespace Booking.Web.Tests.Scenarios;

public sealed class SqliteScenarioTests : ScenarioContract
{
    protected override StoreProvider Provider => StoreProvider.Sqlite;
}
