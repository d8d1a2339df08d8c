using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using Booking.Web.Api;
using Booking.Web.Security;
using Booking.Web.Tests.Hosting;
using EventBooking.Migrations;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Booking.Web.Tests.Security;

/// <summary>
/// <c>Auth:Users:Mode=Jwt</c>: book and cancel need a bearer JWT whose <c>sub</c> is the body's user. Tokens are signed
/// here with a local key, as an identity provider would.
/// </summary>
public abstract class UserTokenContract(StoreProvider provider) : IAsyncLifetime, IAsyncDisposable
{
    private const string Issuer = "https://id.example.test";
    private const string Audience = "eventbooking";
    private const string Key = "a-local-test-signing-key-of-at-least-32-bytes";

    private TestDatabase _database = null!;
    private BookingHost _host = null!;
    private BookingClient _client = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _host = new BookingHost(_database, settings: new Dictionary<string, string?>
        {
            ["Auth:Users:Mode"] = "Jwt",
            ["Auth:Users:Issuer"] = Issuer,
            ["Auth:Users:Audience"] = Audience,
            ["Auth:Users:SigningKey"] = Key,
        });
        _client = _host.CreateBookingClient();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _database.DisposeAsync();
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Book_and_cancel_with_a_token_for_the_body_user_succeed()
    {
        var eventId = await _client.NewEventAsync(totalTickets: 1);

        using (var booked = await SendAsync("/api/events/book", 7, eventId, Token(sub: "7")))
            booked.StatusCode.ShouldBe(HttpStatusCode.Created, await booked.Content.ReadAsStringAsync());
        using var cancelled = await SendAsync("/api/events/cancel", 7, eventId, Token(sub: "7"));

        cancelled.StatusCode.ShouldBe(HttpStatusCode.OK, await cancelled.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/api/events/book")]
    [InlineData("/api/events/cancel")]
    public async Task Book_or_cancel_for_another_user_returns_403_and_changes_nothing(string path)
    {
        var eventId = await _client.NewEventAsync(totalTickets: 2);
        using (await SendAsync("/api/events/book", 8, eventId, Token(sub: "8"))) { }
        var before = await _host.FactsAsync(eventId);

        using var response = await SendAsync(path, 8, eventId, Token(sub: "9"));

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, Problems.Forbidden);
        (await _host.FactsAsync(eventId)).ShouldBe(before);
    }

    public static TheoryData<string, string?> BadTokens() => new()
    {
        { "no token", null },
        { "signed with another key", Token(sub: "5", key: "another-key-that-is-also-32-bytes-long!!") },
        { "expired", Token(sub: "5", expires: DateTime.UtcNow.AddMinutes(-5)) },
        { "another audience", Token(sub: "5", audience: "someone-else") },
        { "another issuer", Token(sub: "5", issuer: "https://evil.example.test") },
        { "not a JWT", "not-a-token" },
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Book_with_a_missing_or_bad_token_returns_401_and_changes_nothing(string why, string? token)
    {
        var eventId = await _client.NewEventAsync(totalTickets: 2);
        var before = await _host.FactsAsync(eventId);

        using var response = await SendAsync("/api/events/book", 5, eventId, token);

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, Problems.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().ShouldStartWith("Bearer", customMessage: why);
        (await _host.FactsAsync(eventId)).ShouldBe(before);
    }

    [Fact]
    public async Task Initialize_and_the_operator_routes_are_unaffected_by_user_tokens()
    {
        var eventId = await _client.NewEventAsync(totalTickets: 2);
        using var status = await _client.StatusAsync(eventId, BookingClient.Credentials());
        status.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private Task<HttpResponseMessage> SendAsync(string path, long userId, long eventId, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = BookingClient.Json(BookingClient.BookingBody(userId, eventId)) };
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return _client.Http.SendAsync(request);
    }

    private static string Token(string sub, string key = Key, string audience = Audience, string issuer = Issuer, DateTime? expires = null) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity([new Claim("sub", sub)]),
            NotBefore = (expires ?? DateTime.UtcNow.AddMinutes(10)).AddMinutes(-20),
            Expires = expires ?? DateTime.UtcNow.AddMinutes(10),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
        });
}

public sealed class MySqlUserTokenTests() : UserTokenContract(StoreProvider.MySql);

public sealed class SqliteUserTokenTests() : UserTokenContract(StoreProvider.Sqlite);

public sealed class UserAuthOptionsTests
{
    [Theory]
    [InlineData(null, "eventbooking", "a-local-test-signing-key-of-at-least-32-bytes", null, "Auth:Users:Issuer")]
    [InlineData("https://id", null, "a-local-test-signing-key-of-at-least-32-bytes", null, "Auth:Users:Audience")]
    [InlineData("https://id", "eventbooking", null, null, "Auth:Users:SigningKey")]
    [InlineData("https://id", "eventbooking", "short", null, "Auth:Users:SigningKey")]
    [InlineData("https://id", "eventbooking", "a-local-test-signing-key-of-at-least-32-bytes", "https://id", "Auth:Users:Authority")]
    public void Problem_of_an_incomplete_jwt_section_names_the_key(string? issuer, string? audience, string? key, string? authority, string named) =>
        new UserAuthOptions { Mode = UserAuthMode.Jwt, Issuer = issuer, Audience = audience, SigningKey = key, Authority = authority }
            .Problem().ShouldNotBeNull().ShouldContain(named);

    [Fact]
    public void Problem_of_the_default_anonymous_section_is_none() => new UserAuthOptions().Problem().ShouldBeNull();

    [Fact]
    public async Task Host_in_jwt_mode_without_an_issuer_does_not_start()
    {
        await using var database = await TestDatabase.CreateAsync(StoreProvider.Sqlite);
        await using var host = new BookingHost(database, settings: new Dictionary<string, string?> { ["Auth:Users:Mode"] = "Jwt" });

        var error = Should.Throw<Exception>(() => host.CreateClient().Dispose());

        error.ToString().ShouldContain("Auth:Users:Issuer is required");
    }
}
