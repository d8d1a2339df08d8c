using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Booking.Web.Tests.Hosting;
using EventBooking.Migrations;

namespace Booking.Web.Tests.Api;

/// <summary>
/// The seed README's request examples, byte for byte (its two-space indentation and line breaks included), against a
/// fresh database: a client written from those examples works as written.
/// </summary>
public abstract class SeedExamplesContract(StoreProvider provider)
{
    private const string InitializeSample = "{\n  \"eventName\": \"conference\",\n  \"totalTickets\": 100\n}";
    private const string BookingSample = "{\n  \"userId\": 1,\n  \"eventId\": 10\n}";

    [Fact]
    public async Task Seed_examples_sent_as_written_answer_as_the_seed_readme_says()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = new BookingHost(database);
        var client = host.CreateBookingClient();

        // POST /api/events/initialize: 201 with the new event's id, 1 on a fresh database, a JSON number.
        using (var first = await client.PostAsync("/api/events/initialize", InitializeSample))
        {
            first.StatusCode.ShouldBe(HttpStatusCode.Created, await first.Content.ReadAsStringAsync());
            var created = await first.Content.ReadFromJsonAsync<JsonElement>();
            created.GetProperty("eventId").ValueKind.ShouldBe(JsonValueKind.Number);
            created.GetProperty("eventId").GetInt64().ShouldBe(1);
            first.Headers.Location!.OriginalString.ShouldBe("/api/events/status/1");
        }

        // The examples book event 10: the tenth initialize makes it.
        for (var expected = 2; expected <= 10; expected++)
        {
            using var next = await client.PostAsync("/api/events/initialize", InitializeSample);
            (await next.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("eventId").GetInt64().ShouldBe(expected);
        }

        // POST /api/events/book: 201 Created, booked.
        using (var booked = await client.PostAsync("/api/events/book", BookingSample))
        {
            booked.StatusCode.ShouldBe(HttpStatusCode.Created, await booked.Content.ReadAsStringAsync());
            var body = await booked.Content.ReadFromJsonAsync<JsonElement>();
            body.GetProperty("status").GetString().ShouldBe("booked");
            body.GetProperty("eventId").GetInt64().ShouldBe(10);
            body.GetProperty("userId").GetInt64().ShouldBe(1);
        }

        // GET /api/events/status/10 (basic auth): the sample's fields, eventId a number.
        using (var status = await client.GetAsync("/api/events/status/10", BookingClient.Credentials()))
        {
            status.StatusCode.ShouldBe(HttpStatusCode.OK);
            var body = await status.Content.ReadFromJsonAsync<JsonElement>();
            body.GetProperty("eventId").ValueKind.ShouldBe(JsonValueKind.Number);
            body.GetProperty("eventId").GetInt64().ShouldBe(10);
            body.GetProperty("eventName").GetString().ShouldBe("conference");
            body.GetProperty("availableTickets").GetInt32().ShouldBe(99);
            body.GetProperty("waitingListCount").GetInt32().ShouldBe(0);
        }

        // POST /api/events/cancel: 200 OK, the booking is cancelled and the seat is free again.
        using (var cancelled = await client.PostAsync("/api/events/cancel", BookingSample))
        {
            cancelled.StatusCode.ShouldBe(HttpStatusCode.OK, await cancelled.Content.ReadAsStringAsync());
            var body = await cancelled.Content.ReadFromJsonAsync<JsonElement>();
            body.GetProperty("status").GetString().ShouldBe("cancelled");
            body.GetProperty("availableTickets").GetInt32().ShouldBe(100);
        }
    }

    [Theory]
    [InlineData("\"10\"")]
    [InlineData("\"0190a3c8-6d2e-7cf4-8a1b-2f0e9d4c5b6a\"")]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("1.5")]
    public async Task Book_with_an_event_id_that_is_not_a_positive_integer_returns_400_naming_eventId(string eventId)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = new BookingHost(database);
        var client = host.CreateBookingClient();

        using var response = await client.PostAsync("/api/events/book", $$"""{"userId": 1, "eventId": {{eventId}}}""");

        await response.ShouldBeFieldErrorsAsync("eventId");
    }
}

public sealed class MySqlSeedExamplesTests() : SeedExamplesContract(StoreProvider.MySql);

public sealed class SqliteSeedExamplesTests() : SeedExamplesContract(StoreProvider.Sqlite);
