using EventBooking.Migrations;

namespace Booking.Web.Tests.Hosting;

public sealed class SqliteHostingTests : HostingContract
{
    protected override StoreProvider Provider => StoreProvider.Sqlite;
}
