using Booking.Web.Api;
using Booking.Web.Tests.Hosting;

namespace Booking.Web.Tests.ApiDocs;

/// <summary>
/// The seed's flow through a client generated from <c>/openapi/v1.json</c>. The document and the client do not
/// depend on the store, so one provider (SQLite) is enough here; the contract suites cover both.
/// </summary>
public sealed class GeneratedClientTests(GeneratedClientFixture shared) : IClassFixture<GeneratedClientFixture>
{
    [Fact]
    public async Task GeneratedClient_initialize_book_cancel_status_round_trips()
    {
        var generated = shared.Generated;
        using var http = shared.Host.CreateClient();
        // The status route is the operator's; book and cancel ignore the header (Auth:Users:Mode=Anonymous).
        http.DefaultRequestHeaders.Authorization = BookingClient.Credentials();
        var client = generated.NewClient(http);

        dynamic created = (await GeneratedClient.CallAsync(client, "InitializeAsync", Initialize(generated, "Seed concert", 1)))!;
        long eventId = created.EventId;
        ((int)created.AvailableTickets).ShouldBe(1);

        dynamic booked = (await GeneratedClient.CallAsync(client, "BookAsync", Booking(generated, 1, eventId)))!;
        ((string)booked.Status).ShouldBe("booked");
        dynamic waiting = (await GeneratedClient.CallAsync(client, "BookAsync", Booking(generated, 2, eventId)))!;
        ((string)waiting.Status).ShouldBe("waitlisted");
        ((int?)waiting.Position).ShouldBe(1);

        dynamic cancelled = (await GeneratedClient.CallAsync(client, "CancelAsync", Booking(generated, 1, eventId)))!;
        ((string)cancelled.Status).ShouldBe("cancelled");
        ((long?)cancelled.PromotedUserId).ShouldBe(2);

        dynamic status = (await GeneratedClient.CallAsync(client, "GetStatusAsync", eventId))!;
        ((long)status.EventId).ShouldBe(eventId);
        ((int)status.TotalTickets).ShouldBe(1);
        ((int)status.AvailableTickets).ShouldBe(0);
        ((int)status.WaitingListCount).ShouldBe(0);
    }

    [Theory]
    [InlineData("BookingRequest", "eventId", "int64")]
    [InlineData("BookingRequest", "userId", "int64")]
    [InlineData("InitializeRequest", "totalTickets", "int32")]
    [InlineData("CapacityRequest", "totalTickets", "int32")]
    [InlineData("StatusResponse", "eventId", "int64")]
    public void GeneratedClient_reads_number_fields_as_integers_only(string schema, string property, string format)
    {
        var generated = shared.Generated;

        // A client that may send "1" for a number would be refused: the service reads JSON numbers only.
        var field = generated.Document.Components.Schemas[schema].ActualProperties[property];
        field.Type.ShouldBe(NJsonSchema.JsonObjectType.Integer);
        field.Format.ShouldBe(format);
    }

    [Fact]
    public async Task GeneratedClient_refused_booking_throws_with_the_problem_type()
    {
        var generated = shared.Generated;
        using var http = shared.Host.CreateClient();
        var client = generated.NewClient(http);
        dynamic created = (await GeneratedClient.CallAsync(client, "InitializeAsync", Initialize(generated, "Twice", 2)))!;
        long eventId = created.EventId;
        await GeneratedClient.CallAsync(client, "BookAsync", Booking(generated, 7, eventId));

        dynamic error = await Should.ThrowAsync<Exception>(() => GeneratedClient.CallAsync(client, "BookAsync", Booking(generated, 7, eventId)));

        // ApiException<ProblemDetails>: the 409 is declared with the problem schema, so its body is read as one.
        ((int)error.StatusCode).ShouldBe(409);
        ((string)error.Result.Type).ShouldBe(Problems.AlreadyBooked);
    }

    private static object Initialize(GeneratedClient generated, string eventName, int totalTickets) =>
        generated.Model("InitializeRequest", new Dictionary<string, object> { ["EventName"] = eventName, ["TotalTickets"] = totalTickets });

    private static object Booking(GeneratedClient generated, long userId, long eventId) =>
        generated.Model("BookingRequest", new Dictionary<string, object> { ["UserId"] = userId, ["EventId"] = eventId });
}

/// <summary>One host and one client generated from its document (and compiled) for the whole class: that takes seconds.</summary>
public sealed class GeneratedClientFixture : IAsyncLifetime
{
    private readonly SqliteSharedHost _shared = new();

    public BookingHost Host => _shared.Host;

    public GeneratedClient Generated { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _shared.InitializeAsync();
        Generated = await GeneratedClient.FromDocumentAsync(await _shared.Client.Http.GetStringAsync("/openapi/v1.json"));
    }

    public Task DisposeAsync() => _shared.DisposeAsync();
}
