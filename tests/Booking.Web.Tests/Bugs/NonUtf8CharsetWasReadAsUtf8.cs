using System.Net;
using Booking.Web.Api;
using Booking.Web.Tests.Hosting;

namespace Booking.Web.Tests.Bugs;

/// <summary>
/// A body declared as <c>application/json; charset=iso-8859-1</c> was accepted and read as UTF-8 anyway, so a client
/// sending "Café" in Latin-1 would have had its bytes misread. RFC 8259 JSON is UTF-8: any other charset is now a 415.
/// </summary>
public sealed class NonUtf8CharsetWasReadAsUtf8(MySqlSharedHost shared) : IClassFixture<MySqlSharedHost>
{
    [Theory]
    [InlineData("application/json; charset=iso-8859-1")]
    [InlineData("application/json; charset=utf-16")]
    [InlineData("application/json; charset=us-ascii")]
    public async Task Initialize_declared_in_another_charset_returns_415_and_stores_nothing(string contentType)
    {
        var before = await shared.Host.CountAllEventsAsync();
        var content = new StringContent("""{"eventName": "Cafe", "totalTickets": 1}""");
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        using var response = await shared.Client.Http.PostAsync("/api/events/initialize", content);

        await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, Problems.UnsupportedMediaType);
        (await shared.Host.CountAllEventsAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/json; charset=UTF-8")]
    [InlineData("application/json; charset=\"utf-8\"")]
    [InlineData("application/json;charset=utf8")]
    public async Task Initialize_declared_as_utf8_or_without_charset_returns_201(string contentType)
    {
        var content = new StringContent("""{"eventName": "Café", "totalTickets": 1}""");
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        using var response = await shared.Client.Http.PostAsync("/api/events/initialize", content);

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }
}
