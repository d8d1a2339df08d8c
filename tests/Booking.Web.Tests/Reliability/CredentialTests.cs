using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Booking.Web.Api;
using Booking.Web.Security;
using Booking.Web.Tests.Hosting;
using EventBooking.Migrations;

namespace Booking.Web.Tests.Reliability;

/// <summary>
/// Suite 7 of issue #6, the credentials themselves: colons and non-ASCII text work as RFC 7617 says (UTF-8, split at
/// the first colon), and the comparison is timing-safe by construction. No timing is measured: the structure is
/// checked instead (fixed-length hashes, <see cref="CryptographicOperations.FixedTimeEquals"/>, no branch).
/// </summary>
public sealed class CredentialTests
{
    private const string UnicodeUser = "opérateur";
    private const string UnicodePassword = ":pä:ss::wörd 🔑 ключ:";

    [Fact]
    public async Task Status_with_configured_unicode_credentials_containing_colons_returns_200_and_rejects_near_misses()
    {
        await using var database = await TestDatabase.CreateAsync(StoreProvider.MySql);
        await using var host = new BookingHost(database, "Production", new Dictionary<string, string?>
        {
            ["Auth:Username"] = UnicodeUser,
            ["Auth:Password"] = UnicodePassword,
        });
        var client = host.CreateBookingClient();
        var eventId = await client.NewEventAsync(totalTickets: 1);

        using var right = await client.StatusAsync(eventId, Utf8(UnicodeUser, UnicodePassword));
        using var latin1 = await client.StatusAsync(eventId, new("Basic", Convert.ToBase64String(Encoding.Latin1.GetBytes($"{UnicodeUser}:{UnicodePassword}"))));
        using var decomposed = await client.StatusAsync(eventId, Utf8("ope\u0301rateur", UnicodePassword));
        using var lastColonDropped = await client.StatusAsync(eventId, Utf8(UnicodeUser, UnicodePassword[..^1]));
        using var asciiFolded = await client.StatusAsync(eventId, Utf8("operateur", UnicodePassword));

        right.StatusCode.ShouldBe(HttpStatusCode.OK);
        foreach (var refused in new[] { latin1, decomposed, lastColonDropped, asciiFolded })
        {
            await refused.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, Problems.Unauthorized);
            refused.ShouldChallengeForBasicAuth();
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(64)]
    [InlineData(10_000)]
    public void AdminCredentials_of_any_length_keep_only_32_byte_hashes_and_no_text(int length)
    {
        var credentials = new AdminCredentials(new string('u', length), new string('p', length));

        var fields = typeof(AdminCredentials).GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public);

        fields.ShouldNotContain(f => f.FieldType == typeof(string), "no clear-text credential is kept to compare against");
        var hashes = fields.Where(f => f.FieldType == typeof(byte[])).Select(f => (byte[])f.GetValue(credentials)!).ToList();
        hashes.Count.ShouldBe(2);
        hashes.ShouldAllBe(hash => hash.Length == SHA256.HashSizeInBytes);
    }

    [Fact]
    public void AdminCredentials_Match_compares_both_parts_with_FixedTimeEquals_and_never_branches()
    {
        var (calls, branches) = IlCalls.Read(typeof(AdminCredentials).GetMethod(nameof(AdminCredentials.Match))!);

        calls.Count(c => c.DeclaringType == typeof(CryptographicOperations) && c.Name == nameof(CryptographicOperations.FixedTimeEquals)).ShouldBe(2);
        calls.ShouldNotContain(c => c.DeclaringType == typeof(string) || c.DeclaringType == typeof(MemoryExtensions) || c.DeclaringType == typeof(Enumerable));
        branches.ShouldBeEmpty("no early exit: a wrong user name costs as much as a wrong password");
    }

    [Fact]
    public void BasicAuthenticationHandler_checks_credentials_only_through_AdminCredentials_Match()
    {
        var handler = typeof(AdminCredentials).Assembly.GetType("Booking.Web.Security.BasicAuthenticationHandler", throwOnError: true)!;
        var (calls, _) = IlCalls.Read(handler.GetMethod("HandleAuthenticateAsync", BindingFlags.Instance | BindingFlags.NonPublic)!);

        calls.ShouldContain(c => c.DeclaringType == typeof(AdminCredentials) && c.Name == nameof(AdminCredentials.Match));
        calls.ShouldNotContain(c => c.DeclaringType == typeof(string) && (c.Name == nameof(string.Equals) || c.Name == "op_Equality" || c.Name == nameof(string.Compare)));
        calls.ShouldNotContain(c => c.Name == nameof(Enumerable.SequenceEqual));
    }

    [Theory]
    [InlineData("operator", "secret", true)]
    [InlineData("operator", "secreT", false)]
    [InlineData("Operator", "secret", false)]
    [InlineData("operator", "", false)]
    [InlineData("", "secret", false)]
    [InlineData("operatorsecret", "", false)]
    public void AdminCredentials_Match_accepts_only_the_exact_pair(string username, string password, bool expected) =>
        new AdminCredentials("operator", "secret").Match(username, password).ShouldBe(expected);

    [Fact]
    public void AdminCredentials_left_unconfigured_match_nothing_not_even_empty_credentials() =>
        new AdminCredentials(string.Empty, string.Empty).Match(string.Empty, string.Empty).ShouldBeFalse();

    private static AuthenticationHeaderValue Utf8(string username, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}")));
}
