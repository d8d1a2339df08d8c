using System.Net;
using System.Net.Http.Json;
using Booking.Core.TicketedEvents;
using Booking.Web.Api;
using Booking.Web.Tests.Hosting;

namespace Booking.Web.Tests.Api;

/// <summary>Idempotency-Key on the POST routes: a retry gets the first answer replayed and changes nothing.</summary>
public abstract partial class BookingApiContract
{
    public static TheoryData<string> Routes => new() { "/api/events/initialize", "/api/events/book", "/api/events/cancel" };

    public static TheoryData<string, string> MalformedKeys
    {
        get
        {
            var data = new TheoryData<string, string>();
            // An empty header value never reaches the in-memory server; IdempotencyKeyHeaderTests covers it.
            string[] keys = ["\"\"", new string('k', 256), "\"" + new string('k', 256) + "\"", "with space", "tab\there", "bell\u0007", "del\u007f",
                "clé", "ключ", "\"unbalanced", "\"in\"side\"", "\"bad\\escape\""];
            foreach (var route in Routes)
            {
                foreach (var key in keys)
                    data.Add(route, key);
            }

            return data;
        }
    }

    [Fact]
    public async Task Book_with_key_sent_twice_replays_the_first_answer_and_books_once()
    {
        var eventId = await Client.NewEventAsync(totalTickets: 2);
        var key = NewKey();

        var first = await Reply.OfAsync(await Client.BookWithKeyAsync(1, eventId, key));
        var second = await Reply.OfAsync(await Client.BookWithKeyAsync(1, eventId, key));

        first.Status.ShouldBe(HttpStatusCode.Created, first.Body);
        first.Location.ShouldBe($"/api/events/status/{eventId}");
        first.ContentType.ShouldBe("application/json");
        System.Text.Json.JsonSerializer.Deserialize<BookingResponse>(first.Body, System.Text.Json.JsonSerializerOptions.Web)
            .ShouldBe(new BookingResponse("booked", eventId, 1, null));
        second.ShouldBeReplayOf(first);
        (await Host.ReadStreamAsync(eventId)).Select(e => e.Data).ShouldBe(
            [new TicketsInitialized(new TicketedEventId(eventId), "Concert", 2), new TicketBooked(new UserId(1))]);
        (await Client.StatusOfAsync(eventId)).Status.AvailableTickets.ShouldBe(1);
    }

    [Fact]
    public async Task Book_with_key_answers_like_the_same_request_without_one()
    {
        var eventId = await Client.NewEventAsync(totalTickets: 1);
        await Client.BookedAsync(1, eventId);

        var keyed = await Reply.OfAsync(await Client.BookWithKeyAsync(2, eventId, NewKey()));
        var plain = await Client.BookedAsync(3, eventId);

        keyed.Status.ShouldBe(HttpStatusCode.Created);
        System.Text.Json.JsonSerializer.Deserialize<BookingResponse>(keyed.Body, System.Text.Json.JsonSerializerOptions.Web)
            .ShouldBe(plain with { UserId = 2, Position = 1 });
        keyed.Replayed.ShouldBeFalse();
    }

    [Fact]
    public async Task Book_with_key_reused_for_another_body_returns_422_and_changes_nothing()
    {
        var eventId = await Client.NewEventAsync(totalTickets: 2);
        var key = NewKey();
        using (var first = await Client.BookWithKeyAsync(1, eventId, key))
            first.StatusCode.ShouldBe(HttpStatusCode.Created);
        var before = await Host.FactsAsync(eventId);

        using var reused = await Client.BookWithKeyAsync(2, eventId, key);

        await reused.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, Problems.IdempotencyKeyReused);
        (await Host.FactsAsync(eventId)).ShouldBe(before);
    }

    [Fact]
    public async Task Book_with_key_reused_for_the_same_json_written_differently_returns_422()
    {
        var eventId = await Client.NewEventAsync(totalTickets: 2);
        var key = NewKey();
        using (var first = await Client.PostWithKeyAsync("/api/events/book", $$"""{"userId":1,"eventId":{{eventId}}}""", key))
            first.StatusCode.ShouldBe(HttpStatusCode.Created);
        var before = await Host.FactsAsync(eventId);

        using var reordered = await Client.PostWithKeyAsync("/api/events/book", $$"""{"eventId":{{eventId}}, "userId":1}""", key);

        await reordered.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, Problems.IdempotencyKeyReused);
        (await Host.FactsAsync(eventId)).ShouldBe(before);
    }

    [Fact]
    public async Task Cancel_with_the_key_of_a_booking_returns_422_and_keeps_the_booking()
    {
        var eventId = await Client.NewEventAsync(totalTickets: 2);
        var key = NewKey();
        using (var booked = await Client.BookWithKeyAsync(1, eventId, key))
            booked.StatusCode.ShouldBe(HttpStatusCode.Created);
        var before = await Host.FactsAsync(eventId);

        using var cancel = await Client.CancelWithKeyAsync(1, eventId, key);

        await cancel.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, Problems.IdempotencyKeyReused);
        (await Host.FactsAsync(eventId)).ShouldBe(before);
        (await Host.ReplayAsync(eventId)).IsBooked(new UserId(1)).ShouldBeTrue();
    }

    [Fact]
    public async Task Cancel_with_key_sent_twice_replays_the_promotion_and_cancels_once()
    {
        var eventId = await Client.NewEventAsync(totalTickets: 1);
        await Client.BookedAsync(1, eventId);
        await Client.BookedAsync(2, eventId);
        await Client.BookedAsync(3, eventId);
        var key = NewKey();

        var first = await Reply.OfAsync(await Client.CancelWithKeyAsync(1, eventId, key));
        var second = await Reply.OfAsync(await Client.CancelWithKeyAsync(1, eventId, key));

        first.Status.ShouldBe(HttpStatusCode.OK, first.Body);
        System.Text.Json.JsonSerializer.Deserialize<CancelResponse>(first.Body, System.Text.Json.JsonSerializerOptions.Web)
            .ShouldBe(new CancelResponse("cancelled", eventId, 1, 2, 0, 1));
        second.ShouldBeReplayOf(first);
        var stream = await Host.ReadStreamAsync(eventId);
        stream.Count(e => e.Data is BookingCancelled).ShouldBe(1);
        stream.Count(e => e.Data is WaitlistPromoted).ShouldBe(1);
        stream.Count.ShouldBe(6);
    }

    // ADR 0006: a refusal is stored like any answer, so a retry never does what the first request was refused.
    [Fact]
    public async Task Cancel_refused_with_key_replays_the_refusal_after_the_user_has_booked()
    {
        var eventId = await Client.NewEventAsync(totalTickets: 2);
        var key = NewKey();
        var first = await Reply.OfAsync(await Client.CancelWithKeyAsync(1, eventId, key));
        await Client.BookedAsync(1, eventId);
        var before = await Host.FactsAsync(eventId);

        var retry = await Reply.OfAsync(await Client.CancelWithKeyAsync(1, eventId, key));

        first.Status.ShouldBe(HttpStatusCode.NotFound);
        first.ContentType.ShouldBe("application/problem+json");
        first.Body.ShouldContain(Problems.NothingToCancel);
        retry.ShouldBeReplayOf(first);
        (await Host.FactsAsync(eventId)).ShouldBe(before);
    }

    [Fact]
    public async Task Book_refused_as_already_booked_with_key_replays_409_after_the_user_cancelled()
    {
        var eventId = await Client.NewEventAsync(totalTickets: 2);
        await Client.BookedAsync(1, eventId);
        var key = NewKey();
        var first = await Reply.OfAsync(await Client.BookWithKeyAsync(1, eventId, key));
        await Client.CancelledAsync(1, eventId);
        var before = await Host.FactsAsync(eventId);

        var retry = await Reply.OfAsync(await Client.BookWithKeyAsync(1, eventId, key));

        first.Status.ShouldBe(HttpStatusCode.Conflict);
        first.Body.ShouldContain(Problems.AlreadyBooked);
        retry.ShouldBeReplayOf(first);
        (await Host.FactsAsync(eventId)).ShouldBe(before);
    }

    [Fact]
    public async Task Book_with_key_for_unknown_event_replays_404_and_creates_no_stream()
    {
        const long unknown = BookingClient.UnknownEventId;
        var key = NewKey();

        var first = await Reply.OfAsync(await Client.BookWithKeyAsync(1, unknown, key));
        var retry = await Reply.OfAsync(await Client.BookWithKeyAsync(1, unknown, key));

        first.Status.ShouldBe(HttpStatusCode.NotFound);
        first.Body.ShouldContain(Problems.EventNotFound);
        retry.ShouldBeReplayOf(first);
        (await Host.FactsAsync(unknown)).ShouldBe(new StoredFacts(null, null, null));
    }

    [Fact]
    public async Task Initialize_with_key_sent_twice_returns_the_same_event_and_creates_one_stream()
    {
        var key = NewKey();
        var before = await Host.CountAllEventsAsync();

        var first = await Reply.OfAsync(await Client.InitializeWithKeyAsync("Gala", 3, key));
        var second = await Reply.OfAsync(await Client.InitializeWithKeyAsync("Gala", 3, key));

        first.Status.ShouldBe(HttpStatusCode.Created, first.Body);
        second.ShouldBeReplayOf(first);
        var created = System.Text.Json.JsonSerializer.Deserialize<InitializeResponse>(first.Body, System.Text.Json.JsonSerializerOptions.Web)!;
        created.ShouldBe(new InitializeResponse(created.EventId, "Gala", 3, 3));
        first.Location.ShouldBe($"/api/events/status/{created.EventId}");
        (await Host.CountAllEventsAsync()).ShouldBe(before + 1);
        (await Host.ReadStreamAsync(created.EventId)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Initialize_with_key_reused_for_another_name_returns_422_and_creates_nothing()
    {
        var key = NewKey();
        using (var first = await Client.InitializeWithKeyAsync("Gala", 3, key))
            first.StatusCode.ShouldBe(HttpStatusCode.Created);
        var before = await Host.CountAllEventsAsync();

        using var reused = await Client.InitializeWithKeyAsync("Other gala", 3, key);

        await reused.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, Problems.IdempotencyKeyReused);
        (await Host.CountAllEventsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Key_in_double_quotes_is_the_same_key_as_bare()
    {
        var eventId = await Client.NewEventAsync(totalTickets: 2);
        var key = NewKey();

        var bare = await Reply.OfAsync(await Client.BookWithKeyAsync(1, eventId, key));
        var quoted = await Reply.OfAsync(await Client.BookWithKeyAsync(1, eventId, $"\"{key}\""));

        quoted.ShouldBeReplayOf(bare);
        (await Host.ReadStreamAsync(eventId)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Key_of_255_visible_characters_other_than_quote_and_backslash_is_accepted()
    {
        var eventId = await Client.NewEventAsync(totalTickets: 2);
        var visible = Enumerable.Range('!', 94).Select(c => (char)c).Where(c => c is not ('"' or '\\')).ToArray();
        var key = string.Concat(Enumerable.Range(0, 255).Select(i => visible[i % visible.Length]));

        var first = await Reply.OfAsync(await Client.BookWithKeyAsync(1, eventId, key));
        var retry = await Reply.OfAsync(await Client.BookWithKeyAsync(1, eventId, key));

        first.Status.ShouldBe(HttpStatusCode.Created, first.Body);
        retry.ShouldBeReplayOf(first);
    }

    [Theory]
    [MemberData(nameof(MalformedKeys))]
    public async Task Post_with_malformed_key_returns_400_and_changes_nothing(string route, string key)
    {
        var eventId = await Client.NewEventAsync(totalTickets: 2);
        await Client.BookedAsync(1, eventId);
        var before = await Host.CountAllEventsAsync();
        var body = route.EndsWith("initialize", StringComparison.Ordinal) ? """{"eventName":"Gala","totalTickets":3}""" : BookingClient.BookingBody(2, eventId);

        using var response = await Client.PostWithKeyAsync(route, body, key);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, Problems.IdempotencyKeyInvalid);
        (await Host.CountAllEventsAsync()).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Post_with_two_key_headers_returns_400_and_changes_nothing(string route)
    {
        var eventId = await Client.NewEventAsync(totalTickets: 2);
        var before = await Host.CountAllEventsAsync();
        var body = route.EndsWith("initialize", StringComparison.Ordinal) ? """{"eventName":"Gala","totalTickets":3}""" : BookingClient.BookingBody(2, eventId);

        using var response = await Client.PostWithKeyAsync(route, body, [NewKey(), NewKey()]);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, Problems.IdempotencyKeyInvalid);
        (await Host.CountAllEventsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Book_with_key_and_invalid_body_returns_400_and_stores_nothing_for_the_key()
    {
        var eventId = await Client.NewEventAsync(totalTickets: 2);
        var key = NewKey();
        using (var invalid = await Client.PostWithKeyAsync("/api/events/book", $$"""{"userId":0,"eventId":{{eventId}}}""", key))
            await invalid.ShouldBeFieldErrorsAsync("userId");

        var fixedRequest = await Reply.OfAsync(await Client.BookWithKeyAsync(1, eventId, key));

        fixedRequest.Status.ShouldBe(HttpStatusCode.Created, fixedRequest.Body);
        fixedRequest.Replayed.ShouldBeFalse();
    }

    [Fact]
    public async Task OpenApi_document_declares_the_idempotency_key_header_on_the_post_routes()
    {
        using var response = await Client.GetAsync("/openapi/v1.json");
        var document = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();

        foreach (var route in Routes)
        {
            var parameters = document.GetProperty("paths").GetProperty(route).GetProperty("post").GetProperty("parameters");
            parameters.EnumerateArray().ShouldContain(p => p.GetProperty("name").GetString() == "Idempotency-Key" && p.GetProperty("in").GetString() == "header");
        }
    }

    private static string NewKey() => Guid.NewGuid().ToString();
}
