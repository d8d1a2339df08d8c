using EventBooking.Migrations;

namespace Booking.Web.Tests.Telemetry;

public sealed class MySqlTelemetryTests : TelemetryContract
{
    protected override StoreProvider Provider => StoreProvider.MySql;
}
