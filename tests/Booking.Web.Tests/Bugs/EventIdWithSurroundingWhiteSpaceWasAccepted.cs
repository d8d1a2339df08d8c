using Booking.Web.Tests.Hosting;

namespace Booking.Web.Tests.Bugs;

/// <summary>
/// Guid.TryParseExact(..., "D") forgives leading and trailing white space, so <c>" &lt;id&gt; "</c> or an id with a
/// trailing newline booked a seat. An event id was then exactly the 36 characters initialize returned; it is now a
/// JSON number, so a string holding it, padded or not, is refused as well.
/// </summary>
public sealed class EventIdWithSurroundingWhiteSpaceWasAccepted(MySqlSharedHost shared) : IClassFixture<MySqlSharedHost>
{
    [Theory]
    [InlineData(" {0} ")]
    [InlineData("{0}\n")]
    [InlineData("\t{0}")]
    public async Task Book_with_white_space_around_the_event_id_returns_400_and_changes_nothing(string format)
    {
        var eventId = await shared.Client.NewEventAsync(totalTickets: 1);
        var before = await shared.Host.FactsAsync(eventId);
        var padded = string.Format(System.Globalization.CultureInfo.InvariantCulture, format, eventId);

        using var response = await shared.Client.PostAsync("/api/events/book", System.Text.Json.JsonSerializer.Serialize(new { userId = 1, eventId = padded }));

        await response.ShouldBeFieldErrorsAsync("eventId");
        (await shared.Host.FactsAsync(eventId)).ShouldBe(before);
    }
}
