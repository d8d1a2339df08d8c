using EventBooking.Migrations;

namespace Booking.Web.Tests.Telemetry;

public sealed class SqliteTelemetryTests : TelemetryContract
{
    protected override StoreProvider Provider => StoreProvider.Sqlite;
}
