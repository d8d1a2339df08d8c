using System.Net;
using Booking.Web.Api;
using EventBooking.Migrations;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Web.Tests.Hosting;

/// <summary>What a client sees when the store fails: problem details, never HTML, a stack trace or a secret.</summary>
public sealed class FaultTests
{
    [Fact]
    public async Task Status_when_the_store_throws_unexpectedly_returns_500_problem_without_internals()
    {
        await using var database = await TestDatabase.CreateAsync(StoreProvider.Sqlite);
        await using var host = new BookingHost(database);
        using var client = host.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.AddSingleton(FailingStore.Throwing(() => new InvalidOperationException("secret internals at line 42"))))).CreateClient();
        client.DefaultRequestHeaders.Authorization = BookingClient.Credentials();

        var response = await client.GetAsync($"/api/events/status/{BookingClient.UnknownEventId}");

        var body = await response.Content.ReadAsStringAsync();
        await response.ShouldBeProblemAsync(HttpStatusCode.InternalServerError, Problems.Internal);
        body.ShouldNotContain("secret internals");
        body.ShouldNotContain(" at ");
    }

    [Fact]
    public async Task Book_when_the_database_fails_returns_503_problem_with_RetryAfter()
    {
        await using var database = await TestDatabase.CreateAsync(StoreProvider.Sqlite);
        await using var host = new BookingHost(database);
        var client = new BookingClient(host.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.AddSingleton(FailingStore.Throwing(() => new SqliteException("disk I/O error", 10))))).CreateClient());

        var response = await client.BookAsync(1, BookingClient.UnknownEventId);

        await response.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, Problems.Unavailable);
        response.Headers.RetryAfter.ShouldNotBeNull();
    }
}
