using System.Globalization;
using System.Net;
using Booking.Web.Api;
using Booking.Web.Tests.Hosting;

namespace Booking.Web.Tests.Api;

public abstract partial class BookingApiContract
{
    [Fact]
    public async Task Status_as_of_each_version_returns_the_status_seen_right_after_that_step()
    {
        var eventId = await Client.NewEventAsync(totalTickets: 2, "Ballet");
        var seen = new Dictionary<long, StatusResponse>();
        async Task RecordAsync()
        {
            var (status, etag) = await Client.StatusOfAsync(eventId);
            seen[long.Parse(etag.Trim('"'), CultureInfo.InvariantCulture)] = status;
        }

        await RecordAsync();
        await Client.BookedAsync(1, eventId);
        await RecordAsync();
        await Client.BookedAsync(2, eventId);
        await RecordAsync();
        await Client.BookedAsync(3, eventId);
        await RecordAsync();
        await Client.BookedAsync(4, eventId);
        await RecordAsync();
        await Client.CancelledAsync(1, eventId);
        await RecordAsync();
        await Client.CancelledAsync(4, eventId);
        await RecordAsync();

        seen.Keys.ShouldBe([1, 2, 3, 4, 5, 7, 8], ignoreOrder: true);
        foreach (var (version, status) in seen)
            (await Client.StatusAsOfValueAsync(eventId, version.ToString(CultureInfo.InvariantCulture))).ShouldBe((status, $"\"{version}\""));
        // Version 6 is the cancellation alone, before the promotion appended with it: never visible as the current status.
        (await Client.StatusAsOfValueAsync(eventId, "6")).Status.ShouldBe(new StatusResponse(eventId, "Ballet", 2, 1, 2));
        seen[7].ShouldBe(new StatusResponse(eventId, "Ballet", 2, 0, 1));
        seen[8].ShouldBe(new StatusResponse(eventId, "Ballet", 2, 0, 0));
    }

    [Fact]
    public async Task Status_as_of_a_version_past_the_last_returns_the_current_status_and_version()
    {
        var eventId = await Client.NewEventAsync(totalTickets: 3);
        await Client.BookedAsync(1, eventId);

        (await Client.StatusAsOfValueAsync(eventId, "1000000")).ShouldBe(await Client.StatusOfAsync(eventId));
    }

    [Fact]
    public async Task Status_as_of_a_time_between_two_events_returns_the_status_after_the_earlier_one()
    {
        var eventId = await Client.NewEventAsync(totalTickets: 1, "Recital");
        await Client.BookedAsync(1, eventId);
        await Client.BookedAsync(2, eventId);
        var times = (await Client.HistoryPageAsync(eventId)).Events.Select(e => e.RecordedAt).ToList();
        times.ShouldBeInOrder(SortDirection.Ascending);
        times.Distinct().Count().ShouldBe(3);
        var between = times[1] + ((times[2] - times[1]) / 2);

        (await Client.StatusAsOfValueAsync(eventId, Iso(between, TimeSpan.Zero))).ShouldBe((new StatusResponse(eventId, "Recital", 1, 0, 0), "\"2\""));
        (await Client.StatusAsOfValueAsync(eventId, Iso(between, TimeSpan.FromHours(-5)))).ETag.ShouldBe("\"2\"");
        (await Client.StatusAsOfValueAsync(eventId, Iso(times[0], TimeSpan.FromHours(2)))).ShouldBe((new StatusResponse(eventId, "Recital", 1, 1, 0), "\"1\""));
        (await Client.StatusAsOfValueAsync(eventId, Iso(times[2], TimeSpan.Zero))).ShouldBe((new StatusResponse(eventId, "Recital", 1, 0, 1), "\"3\""));
        (await Client.StatusAsOfValueAsync(eventId, "2999-12-31T23:59:59Z")).ETag.ShouldBe("\"3\"");
    }

    [Fact]
    public async Task Status_as_of_a_time_before_the_first_event_returns_404_event_not_found()
    {
        var eventId = await Client.NewEventAsync(totalTickets: 1);
        var created = (await Client.HistoryPageAsync(eventId)).Events[0].RecordedAt;

        using var response = await Client.StatusAsOfAsync(eventId, Iso(created.AddTicks(-10), TimeSpan.Zero), BookingClient.Credentials());

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, Problems.EventNotFound);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("2030-01-01T00:00:00Z")]
    public async Task Status_as_of_for_unknown_event_returns_404_event_not_found(string asOf)
    {
        using var response = await Client.StatusAsOfAsync(BookingClient.UnknownEventId, asOf, BookingClient.Credentials());

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, Problems.EventNotFound);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("00")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("v2")]
    [InlineData("9007199254740992")]
    [InlineData("99999999999999999999")]
    [InlineData("yesterday")]
    [InlineData("2030-01-01")]
    [InlineData("2030-01-01T00:00:00")]
    [InlineData("2030-01-01T00:00:00 01:00")]
    [InlineData("2030-13-01T00:00:00Z")]
    [InlineData("2030-01-01 00:00:00Z")]
    [InlineData("01/02/2030 00:00:00 +00:00")]
    public async Task Status_as_of_an_unparsable_point_returns_400_naming_as_of(string asOf)
    {
        var eventId = await Client.NewEventAsync(totalTickets: 1);

        using var response = await Client.StatusAsOfAsync(eventId, asOf, BookingClient.Credentials());

        await response.ShouldBeFieldErrorsAsync("asOf");
    }

    [Fact]
    public async Task Status_as_of_without_credentials_returns_401_with_basic_challenge()
    {
        var eventId = await Client.NewEventAsync(totalTickets: 1);

        using var response = await Client.StatusAsOfAsync(eventId, "1", credentials: null);

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, Problems.Unauthorized);
        response.ShouldChallengeForBasicAuth();
    }

    private static string Iso(DateTime utc, TimeSpan offset) =>
        new DateTimeOffset(utc).ToOffset(offset).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture);
}
