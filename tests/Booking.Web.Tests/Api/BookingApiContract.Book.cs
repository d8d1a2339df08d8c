using System.Net;
using System.Net.Http.Json;
using Booking.Core.TicketedEvents;
using Booking.Web.Api;
using Booking.Web.Tests.Hosting;

namespace Booking.Web.Tests.Api;

public abstract partial class BookingApiContract
{
    [Fact]
    public async Task Book_with_a_free_ticket_returns_201_booked()
    {
        var eventId = await Client.NewEventAsync(totalTickets: 2);

        using var response = await Client.BookAsync(7, eventId);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        response.Headers.Location!.ToString().ShouldBe($"/api/events/status/{eventId}");
        (await response.Content.ReadFromJsonAsync<BookingResponse>()).ShouldBe(new BookingResponse("booked", eventId, 7, null));
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("position");
        (await Client.StatusOfAsync(eventId)).Status.AvailableTickets.ShouldBe(1);
    }

    [Fact]
    public async Task Book_when_sold_out_returns_201_waitlisted_with_position()
    {
        var eventId = await Client.NewEventAsync(totalTickets: 1);
        await Client.BookedAsync(1, eventId);

        var second = await Client.BookedAsync(2, eventId);
        var third = await Client.BookedAsync(3, eventId);

        second.ShouldBe(new BookingResponse("waitlisted", eventId, 2, 1));
        third.ShouldBe(new BookingResponse("waitlisted", eventId, 3, 2));
        (await Client.StatusOfAsync(eventId)).Status.ShouldBe(new StatusResponse(eventId, "Concert", 1, 0, 2));
    }

    [Fact]
    public async Task Book_when_already_booked_returns_409_already_booked_and_changes_nothing()
    {
        var eventId = await Client.NewEventAsync(totalTickets: 2);
        await Client.BookedAsync(1, eventId);
        var before = await Host.FactsAsync(eventId);

        using var response = await Client.BookAsync(1, eventId);

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, Problems.AlreadyBooked);
        (await Host.FactsAsync(eventId)).ShouldBe(before);
    }

    [Fact]
    public async Task Book_when_already_waiting_returns_409_already_waiting_and_changes_nothing()
    {
        var eventId = await Client.NewEventAsync(totalTickets: 1);
        await Client.BookedAsync(1, eventId);
        await Client.BookedAsync(2, eventId);
        var before = await Host.FactsAsync(eventId);

        using var response = await Client.BookAsync(2, eventId);

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, Problems.AlreadyWaiting);
        (await Host.FactsAsync(eventId)).ShouldBe(before);
    }

    [Fact]
    public async Task Book_for_unknown_event_returns_404_event_not_found_and_creates_no_stream()
    {
        const long unknown = BookingClient.UnknownEventId;

        using var response = await Client.BookAsync(1, unknown);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, Problems.EventNotFound);
        (await Host.FactsAsync(unknown)).ShouldBe(new StoredFacts(null, null, null));
        (await Client.DebugCacheEntryAsync(unknown)).ShouldBeNull();
    }

    [Fact]
    public async Task Book_by_one_user_20_times_at_once_books_once_and_refuses_the_rest_as_already_booked()
    {
        var eventId = await Client.NewEventAsync(totalTickets: 5);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var attempts = Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
        {
            await gate.Task;
            using var response = await Client.BookAsync(42, eventId);
            if (response.StatusCode != HttpStatusCode.Created)
                await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, Problems.AlreadyBooked);
            return response.StatusCode;
        })).ToArray();
        gate.SetResult();

        var statuses = await Task.WhenAll(attempts);

        statuses.Count(s => s == HttpStatusCode.Created).ShouldBe(1);
        (await Host.ReadStreamAsync(eventId)).Select(e => e.Data).OfType<TicketBooked>().ShouldHaveSingleItem().UserId.Value.ShouldBe(42);
    }

    [Fact]
    public async Task Book_with_correlation_id_header_stores_it_with_the_event()
    {
        var eventId = await Client.NewEventAsync(totalTickets: 1);
        var correlation = Guid.NewGuid();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/events/book") { Content = BookingClient.Json(BookingClient.BookingBody(3, eventId)) };
        request.Headers.Add("X-Correlation-Id", correlation.ToString());

        using var response = await Client.Http.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await Host.ReadStreamAsync(eventId))[^1].CorrelationId.ShouldBe(correlation);
    }

    [Theory]
    [MemberData(nameof(InvalidBookingBodies))]
    public async Task Book_with_invalid_fields_returns_400_with_field_errors_and_changes_nothing(string template, string[] fields)
    {
        var eventId = await Client.NewEventAsync(totalTickets: 1);
        var before = await Host.FactsAsync(eventId);

        using var response = await Client.PostAsync("/api/events/book", template.Replace("EVENT", eventId.ToString(), StringComparison.Ordinal));

        await response.ShouldBeFieldErrorsAsync(fields);
        (await Host.FactsAsync(eventId)).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task Book_with_malformed_json_returns_400_malformed_json(string body)
    {
        var before = await Host.CountAllEventsAsync();

        using var response = await Client.PostAsync("/api/events/book", body);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, Problems.MalformedJson);
        (await Host.CountAllEventsAsync()).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(WrongMediaTypes))]
    public async Task Book_with_wrong_content_type_returns_415_and_changes_nothing(string? mediaType)
    {
        var eventId = await Client.NewEventAsync(totalTickets: 1);
        var before = await Host.FactsAsync(eventId);

        using var response = await Client.PostAsync("/api/events/book", BookingClient.BookingBody(1, eventId), mediaType);

        await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, Problems.UnsupportedMediaType);
        (await Host.FactsAsync(eventId)).ShouldBe(before);
    }

    /// <summary>Bodies for book and cancel alike; EVENT stands for the test's own event id (a JSON number).</summary>
    public static TheoryData<string, string[]> InvalidBookingBodies() => new()
    {
        { """{"userId": 0, "eventId": EVENT}""", ["userId"] },
        { """{"userId": -3, "eventId": EVENT}""", ["userId"] },
        { """{"userId": 9007199254740992, "eventId": EVENT}""", ["userId"] },
        { """{"userId": 99999999999999999999, "eventId": EVENT}""", ["userId"] },
        { """{"userId": 1.5, "eventId": EVENT}""", ["userId"] },
        { """{"userId": "1", "eventId": EVENT}""", ["userId"] },
        { """{"userId": true, "eventId": EVENT}""", ["userId"] },
        { """{"userId": null, "eventId": EVENT}""", ["userId"] },
        { """{"eventId": EVENT}""", ["userId"] },
        { """{"userId": 1, "eventId": "not-a-number"}""", ["eventId"] },
        { """{"userId": 1, "eventId": "EVENT"}""", ["eventId"] },
        { """{"userId": 1, "eventId": "0198a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"}""", ["eventId"] },
        { """{"userId": 1, "eventId": 0}""", ["eventId"] },
        { """{"userId": 1, "eventId": -1}""", ["eventId"] },
        { """{"userId": 1, "eventId": -EVENT}""", ["eventId"] },
        { """{"userId": 1, "eventId": 1.5}""", ["eventId"] },
        { """{"userId": 1, "eventId": 9007199254740992}""", ["eventId"] },
        { """{"userId": 1, "eventId": 99999999999999999999}""", ["eventId"] },
        { """{"userId": 1, "eventId": true}""", ["eventId"] },
        { """{"userId": 1, "eventId": null}""", ["eventId"] },
        { """{"userId": 1, "eventId": [EVENT]}""", ["eventId"] },
        { """{"userId": 1, "eventId": {"id": EVENT}}""", ["eventId"] },
        { """{"userId": 1}""", ["eventId"] },
        { """{"userId": 1, "eventId": EVENT, "seat": "A1"}""", ["seat"] },
        { """{"userId": 1, "userId": 2, "eventId": EVENT}""", ["userId"] },
        { """{}""", ["userId", "eventId"] },
    };
}
