using System.Net;
using System.Text;
using Booking.Web.Api;
using Booking.Web.Tests.Hosting;

namespace Booking.Web.Tests.Bugs;

/// <summary>
/// JsonDocument parsed a string holding invalid UTF-8 (0xFF, an overlong or truncated sequence) without complaint;
/// reading it during validation threw InvalidOperationException, answered as a 500. Now a 400 malformed-json.
/// </summary>
public sealed class InvalidUtf8InsideAJsonStringAnswered500(MySqlSharedHost shared) : IClassFixture<MySqlSharedHost>
{
    [Theory]
    [InlineData("/api/events/initialize", "{\"eventName\": \"Ga\u00FFla\", \"totalTickets\": 1}")]
    [InlineData("/api/events/initialize", "{\"event\u00FEName\": \"Gala\", \"totalTickets\": 1}")]
    [InlineData("/api/events/book", "{\"userId\": 1, \"eventId\": \"\u00FF\"}")]
    public async Task Post_with_invalid_utf8_in_a_string_returns_400_malformed_json_not_500(string path, string latin1Template)
    {
        var before = await shared.Host.CountAllEventsAsync();
        // Latin-1 turns each \u00FF / \u00FE into that single raw byte: invalid as UTF-8.
        var content = new ByteArrayContent(Encoding.Latin1.GetBytes(latin1Template)) { Headers = { { "Content-Type", "application/json" } } };

        using var response = await shared.Client.Http.PostAsync(path, content);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, Problems.MalformedJson);
        (await shared.Host.CountAllEventsAsync()).ShouldBe(before);
    }
}
