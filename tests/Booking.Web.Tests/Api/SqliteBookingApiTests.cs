using Booking.Web.Tests.Hosting;

namespace Booking.Web.Tests.Api;

public sealed class SqliteBookingApiTests(SqliteSharedHost shared) : BookingApiContract(shared), IClassFixture<SqliteSharedHost>;
