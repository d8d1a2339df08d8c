using System.Net;
using Booking.Web.Api;
using Booking.Web.Tests.Hosting;

namespace Booking.Web.Tests.Bugs;

/// <summary>
/// A body repeating one unknown field N times got N copies of "is not a known field." back: the error response grew
/// with the request (20,000 keys gave a 600 KB answer). Now each distinct message is listed once per field.
/// </summary>
public sealed class RepeatedUnknownFieldRepeatedItsErrorMessage(MySqlSharedHost shared) : IClassFixture<MySqlSharedHost>
{
    [Fact]
    public async Task Initialize_with_one_unknown_field_repeated_2000_times_lists_each_message_once()
    {
        var before = await shared.Host.CountAllEventsAsync();
        var body = """{"eventName": "Gala", "totalTickets": 1""" + string.Concat(Enumerable.Repeat(""","x":1""", 2000)) + "}";

        using var response = await shared.Client.PostAsync("/api/events/initialize", body);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, Problems.Validation);
        var errors = problem.GetProperty("errors").GetProperty("x");
        errors.EnumerateArray().Select(e => e.GetString()).ShouldBe(["is not a known field."]);
        (await shared.Host.CountAllEventsAsync()).ShouldBe(before);
    }
}
