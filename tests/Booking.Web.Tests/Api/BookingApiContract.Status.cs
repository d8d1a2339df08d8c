using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Booking.Web.Api;
using Booking.Web.Tests.Hosting;

namespace Booking.Web.Tests.Api;

public abstract partial class BookingApiContract
{
    [Fact]
    public async Task Status_with_credentials_returns_200_with_counts_and_stream_version_as_etag()
    {
        var eventId = await Client.NewEventAsync(totalTickets: 2, "Opera Night");
        foreach (var user in new long[] { 1, 2, 3 })
            await Client.BookedAsync(user, eventId);

        using var response = await Client.StatusAsync(eventId, BookingClient.Credentials());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<StatusResponse>()).ShouldBe(new StatusResponse(eventId, "Opera Night", 2, 0, 1));
        response.Headers.ETag!.Tag.ShouldBe("\"4\"");
        (await Host.FactsAsync(eventId)).StreamVersion.ShouldBe(4);
    }

    [Fact]
    public async Task Status_with_current_etag_in_if_none_match_returns_304_until_the_event_changes()
    {
        var eventId = await Client.NewEventAsync(totalTickets: 2);
        var (_, etag) = await Client.StatusOfAsync(eventId);

        using (var notModified = await StatusIfNoneMatchAsync(eventId, etag))
        {
            notModified.StatusCode.ShouldBe(HttpStatusCode.NotModified);
            notModified.Headers.ETag!.Tag.ShouldBe(etag);
        }

        await Client.BookedAsync(1, eventId);
        using var changed = await StatusIfNoneMatchAsync(eventId, etag);
        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        changed.Headers.ETag!.Tag.ShouldBe("\"2\"");
    }

    [Theory]
    [InlineData("\"2\"")]
    [InlineData("W/\"2\"")]
    [InlineData("\"1\", \"2\"")]
    [InlineData("*")]
    public async Task Status_with_if_none_match_matching_the_current_version_returns_304(string ifNoneMatch)
    {
        var eventId = await Client.NewEventAsync(totalTickets: 2);
        await Client.BookedAsync(1, eventId);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/events/status/{eventId}");
        request.Headers.Authorization = BookingClient.Credentials();
        request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);

        using var response = await Client.Http.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        response.Headers.ETag!.Tag.ShouldBe("\"2\"");
    }

    [Fact]
    public async Task Status_without_credentials_returns_401_with_basic_challenge()
    {
        var eventId = await Client.NewEventAsync(totalTickets: 2);

        using var response = await Client.StatusAsync(eventId, credentials: null);

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, Problems.Unauthorized);
        response.ShouldChallengeForBasicAuth();
    }

    [Theory]
    [MemberData(nameof(BadCredentials))]
    public async Task Status_with_wrong_or_malformed_credentials_returns_401_with_basic_challenge(string scheme, string parameter)
    {
        var eventId = await Client.NewEventAsync(totalTickets: 2);

        using var response = await Client.StatusAsync(eventId, new AuthenticationHeaderValue(scheme, parameter));

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, Problems.Unauthorized);
        response.ShouldChallengeForBasicAuth();
    }

    [Fact]
    public async Task Status_for_unknown_event_returns_404_event_not_found()
    {
        using var response = await Client.StatusAsync(BookingClient.UnknownEventId, BookingClient.Credentials());

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, Problems.EventNotFound);
    }

    public static TheoryData<string, string> BadCredentials() => new()
    {
        { "Basic", Base64($"{BookingHost.Username}:wrong") },
        { "Basic", Base64($"{BookingHost.Username}:s3cret") },
        { "Basic", Base64($"admin:greatbrands") },
        { "Basic", Base64($"{BookingHost.Username.ToUpperInvariant()}:{BookingHost.Password}") },
        { "Basic", Base64($"{BookingHost.Username}{BookingHost.Password}") },
        { "Basic", Base64(":") },
        { "Basic", "not base64!" },
        { "Basic", "%%%%" },
        { "Basic", Convert.ToBase64String([0x6f, 0x70, 0x3a, 0xff, 0xfe]) },
        { "Bearer", Base64($"{BookingHost.Username}:{BookingHost.Password}") },
    };

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private async Task<HttpResponseMessage> StatusIfNoneMatchAsync(long eventId, string etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/events/status/{eventId}");
        request.Headers.Authorization = BookingClient.Credentials();
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(etag));
        return await Client.Http.SendAsync(request);
    }
}
