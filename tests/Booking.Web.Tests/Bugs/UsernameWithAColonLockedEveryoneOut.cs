using Booking.Web.Tests.Hosting;
using EventBooking.Migrations;
using Microsoft.Extensions.Options;

namespace Booking.Web.Tests.Bugs;

/// <summary>
/// RFC 7617 splits basic credentials at the first colon, so a configured Auth:Username holding one could never match:
/// the service started and then refused everyone. It now refuses to start and says why.
/// </summary>
public sealed class UsernameWithAColonLockedEveryoneOut
{
    [Fact]
    public async Task Start_with_a_colon_in_the_configured_user_name_fails_naming_the_setting()
    {
        await using var database = await TestDatabase.CreateAsync(StoreProvider.MySql);
        await using var host = new BookingHost(database, "Production", new Dictionary<string, string?>
        {
            ["Auth:Username"] = "ops:admin",
            ["Auth:Password"] = "secret",
        });

        var error = Should.Throw<OptionsValidationException>(() => host.CreateClient());

        error.ToString().ShouldContain("Auth:Username must not contain a colon");
    }
}
