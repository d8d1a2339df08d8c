using Booking.Web.Tests.Hosting;

namespace Booking.Web.Tests.Api;

public sealed class MySqlBookingApiTests(MySqlSharedHost shared) : BookingApiContract(shared), IClassFixture<MySqlSharedHost>;
