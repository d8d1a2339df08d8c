using Booking.Web.Tests.Hosting;
using EventBooking.Migrations;

namespace Booking.Web.Tests.Bugs;

/// <summary>
/// Found by CI on a fresh clone: a host whose services had already been disposed was then stopped (the test host's
/// dispose does that), and the processors' lifetime threw ObjectDisposedException from its disposed cancellation
/// source, which failed the test run in class clean-up. Stopping after disposal is now a no-op.
/// </summary>
public sealed class StopAfterDisposeThrewObjectDisposed
{
    [Fact]
    public async Task Dispose_of_a_host_whose_services_were_disposed_first_does_not_throw()
    {
        await using var database = await TestDatabase.CreateAsync(StoreProvider.Sqlite);
        var host = new BookingHost(database);
        (await host.CreateBookingClient().Http.GetAsync("/health/live")).EnsureSuccessStatusCode();

        await ((IAsyncDisposable)host.Services).DisposeAsync();

        await Should.NotThrowAsync(async () => await host.DisposeAsync());
    }
}
