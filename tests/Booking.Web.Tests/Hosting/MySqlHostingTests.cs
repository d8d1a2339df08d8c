using EventBooking.Migrations;

namespace Booking.Web.Tests.Hosting;

public sealed class MySqlHostingTests : HostingContract
{
    protected override StoreProvider Provider => StoreProvider.MySql;
}
