using System.Net;
using System.Net.Http.Json;
using Booking.Web.Api;
using Booking.Web.Tests.Hosting;

namespace Booking.Web.Tests.Api;

public abstract partial class BookingApiContract
{
    [Fact]
    public async Task Initialize_with_name_and_tickets_returns_201_with_location_and_the_new_event()
    {
        using var response = await Client.InitializeAsync("  Spring Gala  ", 25);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var created = (await response.Content.ReadFromJsonAsync<InitializeResponse>())!;
        created.EventId.ShouldBeGreaterThan(0);
        created.EventName.ShouldBe("Spring Gala");
        created.TotalTickets.ShouldBe(25);
        created.AvailableTickets.ShouldBe(25);
        response.Headers.Location!.ToString().ShouldBe($"/api/events/status/{created.EventId}");

        var (status, _) = await Client.StatusOfAsync(created.EventId);
        status.ShouldBe(new StatusResponse(created.EventId, "Spring Gala", 25, 25, 0));
    }

    [Fact]
    public async Task Initialize_with_longest_name_and_most_tickets_allowed_returns_201()
    {
        var name = new string('n', 200);

        using var response = await Client.InitializeAsync(name, 1_000_000);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var created = (await response.Content.ReadFromJsonAsync<InitializeResponse>())!;
        created.EventName.ShouldBe(name);
        created.AvailableTickets.ShouldBe(1_000_000);
    }

    [Theory]
    [InlineData("""{"eventName": "", "totalTickets": 10}""", "eventName")]
    [InlineData("""{"eventName": "   ", "totalTickets": 10}""", "eventName")]
    [InlineData("""{"eventName": "Bad\u0007Bell", "totalTickets": 10}""", "eventName")]
    [InlineData("""{"eventName": 42, "totalTickets": 10}""", "eventName")]
    [InlineData("""{"eventName": ["Gala"], "totalTickets": 10}""", "eventName")]
    [InlineData("""{"eventName": null, "totalTickets": 10}""", "eventName")]
    [InlineData("""{"totalTickets": 10}""", "eventName")]
    [InlineData("""{"eventName": "Gala", "totalTickets": 0}""", "totalTickets")]
    [InlineData("""{"eventName": "Gala", "totalTickets": -5}""", "totalTickets")]
    [InlineData("""{"eventName": "Gala", "totalTickets": 1000001}""", "totalTickets")]
    [InlineData("""{"eventName": "Gala", "totalTickets": 2147483648}""", "totalTickets")]
    [InlineData("""{"eventName": "Gala", "totalTickets": 1e300}""", "totalTickets")]
    [InlineData("""{"eventName": "Gala", "totalTickets": 10.5}""", "totalTickets")]
    [InlineData("""{"eventName": "Gala", "totalTickets": "10"}""", "totalTickets")]
    [InlineData("""{"eventName": "Gala", "totalTickets": true}""", "totalTickets")]
    [InlineData("""{"eventName": "Gala"}""", "totalTickets")]
    [InlineData("""{"eventName": "Gala", "totalTickets": 10, "price": 5}""", "price")]
    [InlineData("""{"eventName": "Gala", "totalTickets": 10, "totalTickets": 20}""", "totalTickets")]
    [InlineData("""{}""", "eventName", "totalTickets")]
    [InlineData("""{"eventName": "", "totalTickets": 0}""", "eventName", "totalTickets")]
    public async Task Initialize_with_invalid_fields_returns_400_with_field_errors_and_stores_nothing(string body, params string[] fields)
    {
        var before = await Host.CountAllEventsAsync();

        using var response = await Client.PostAsync("/api/events/initialize", body);

        await response.ShouldBeFieldErrorsAsync(fields);
        (await Host.CountAllEventsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Initialize_with_name_over_200_characters_returns_400_with_field_error_and_stores_nothing()
    {
        var before = await Host.CountAllEventsAsync();

        using var response = await Client.InitializeAsync(new string('n', 201), 10);

        await response.ShouldBeFieldErrorsAsync("eventName");
        (await Host.CountAllEventsAsync()).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task Initialize_with_malformed_json_returns_400_malformed_json_and_stores_nothing(string body)
    {
        var before = await Host.CountAllEventsAsync();

        using var response = await Client.PostAsync("/api/events/initialize", body);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, Problems.MalformedJson);
        (await Host.CountAllEventsAsync()).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(WrongMediaTypes))]
    public async Task Initialize_with_wrong_content_type_returns_415_and_stores_nothing(string? mediaType)
    {
        var before = await Host.CountAllEventsAsync();

        using var response = await Client.PostAsync("/api/events/initialize", """{"eventName": "Gala", "totalTickets": 10}""", mediaType);

        await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, Problems.UnsupportedMediaType);
        (await Host.CountAllEventsAsync()).ShouldBe(before);
    }

    public static TheoryData<string> MalformedBodies() =>
    [
        "",
        "{",
        """{"eventName": "Gala", "totalTickets": 10""",
        """{"eventName": "Gala", "totalTickets": 10,}""",
        """{eventName: "Gala"}""",
        "not json",
        """{"eventName": "Gala", "totalTickets": 10} trailing""",
        "{}{}",
        "null",
        "[]",
        "\"text\"",
        "42",
        string.Concat(Enumerable.Repeat("{\"a\":", 20)) + "1" + new string('}', 20),
    ];

    public static TheoryData<string?> WrongMediaTypes() => [null, "text/plain", "application/x-www-form-urlencoded", "application/xml"];
}
