using Booking.Web.Tests.Hosting;

namespace Booking.Web.Tests.Api;

/// <summary>
/// The HTTP contract of every route, success and error alike, run once per store provider over the real
/// migrations. Each test initializes its own ticketed event; errors must be problem details and change nothing.
/// </summary>
public abstract partial class BookingApiContract(SharedHost shared)
{
    protected BookingHost Host => shared.Host;

    protected BookingClient Client => shared.Client;
}
