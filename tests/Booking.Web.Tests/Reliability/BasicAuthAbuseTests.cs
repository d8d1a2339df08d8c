using System.Net;
using System.Text;
using Booking.Web.Api;
using Booking.Web.Tests.Hosting;

namespace Booking.Web.Tests.Reliability;

/// <summary>
/// Suite 7 of issue #6, basic authentication (MySQL): every missing, malformed or wrong credential is a 401 problem
/// with the Basic challenge; the right one in any RFC 7617 spelling gets in. Adds to the contract's BadCredentials.
/// </summary>
public sealed class BasicAuthAbuseTests(MySqlSharedHost shared) : IClassFixture<MySqlSharedHost>
{
    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Status_with_refused_authorization_header_returns_401_problem_with_basic_challenge(string what, string header)
    {
        var eventId = await shared.Client.NewEventAsync(totalTickets: 1);

        using var response = await SendAsync($"/api/events/status/{eventId}", header);

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, Problems.Unauthorized);
        response.ShouldChallengeForBasicAuth();
        (await response.Content.ReadAsStringAsync()).ShouldNotContain(BookingHost.Password, Case.Sensitive, what);
    }

    [Theory]
    [InlineData("Basic")]
    [InlineData("basic")]
    [InlineData("BASIC")]
    public async Task Status_with_the_right_credentials_under_any_case_of_the_scheme_returns_200(string scheme)
    {
        var eventId = await shared.Client.NewEventAsync(totalTickets: 1);

        using var response = await SendAsync($"/api/events/status/{eventId}", $"{scheme} {Base64($"{BookingHost.Username}:{BookingHost.Password}")}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task History_with_refused_credentials_returns_401_and_reveals_nothing_of_the_stream()
    {
        var eventId = await shared.Client.NewEventAsync(totalTickets: 1, "Secret Gig");

        using var response = await SendAsync($"/api/events/{eventId}/history", $"Basic {Base64($"{BookingHost.Username}:{BookingHost.Password} ")}");

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, Problems.Unauthorized);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("Secret Gig");
    }

    public static TheoryData<string, string> Refused() => new()
    {
        { "empty header", string.Empty },
        { "scheme without credentials", "Basic" },
        { "scheme and blanks", "Basic    " },
        { "empty credentials", "Basic " + Base64(string.Empty) },
        { "no colon", "Basic " + Base64(BookingHost.Username) },
        { "user and colon only", "Basic " + Base64(BookingHost.Username + ":") },
        { "password only", "Basic " + Base64(":" + BookingHost.Password) },
        { "password cut at its own colon", "Basic " + Base64($"{BookingHost.Username}:s3cret") },
        { "password with a trailing space", "Basic " + Base64($"{BookingHost.Username}:{BookingHost.Password} ") },
        { "extra colon after the user", "Basic " + Base64($"{BookingHost.Username}::{BookingHost.Password}") },
        { "user and password swapped", "Basic " + Base64($"{BookingHost.Password}:{BookingHost.Username}") },
        { "base64 without padding", "Basic " + Base64($"{BookingHost.Username}:{BookingHost.Password}x").TrimEnd('=') },
        { "base64url alphabet", "Basic " + Base64("operator:s3cret>with?").Replace('+', '-').Replace('/', '_') },
        { "right credentials followed by junk", "Basic " + Base64($"{BookingHost.Username}:{BookingHost.Password}") + " junk" },
        { "two credentials in one header", "Basic " + Base64("x:y") + ", Basic " + Base64($"{BookingHost.Username}:{BookingHost.Password}") },
        { "8 KiB of base64", "Basic " + Base64(new string('a', 6000)) },
        { "Digest scheme", "Digest username=\"operator\", realm=\"Event Booking System\"" },
        { "Bearer token", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJvcGVyYXRvciJ9." },
        { "credentials without a scheme", Base64($"{BookingHost.Username}:{BookingHost.Password}") },
    };

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private async Task<HttpResponseMessage> SendAsync(string path, string authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return await shared.Client.Http.SendAsync(request);
    }
}
