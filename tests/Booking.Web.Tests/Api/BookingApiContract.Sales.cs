using System.Net;
using System.Net.Http.Json;
using Booking.Core.Auditing;
using Booking.Core.TicketedEvents;
using Booking.Web.Api;
using Booking.Web.Tests.Hosting;

namespace Booking.Web.Tests.Api;

public abstract partial class BookingApiContract
{
    [Fact]
    public async Task List_events_returns_the_newest_first_with_counts_and_pages_by_after()
    {
        var first = await Client.NewEventAsync(totalTickets: 3, "First");
        var second = await Client.NewEventAsync(totalTickets: 1, "Second");
        var third = await Client.NewEventAsync(totalTickets: 2, "Third");
        await Client.BookedAsync(1, second);
        await Client.BookedAsync(2, second);
        await Close(third);

        var page = await ListAsync("limit=2");
        page.Events.ShouldBe([new StatusResponse(third, "Third", 2, 2, 0, SalesOpen: false), new StatusResponse(second, "Second", 1, 0, 1)]);
        page.Next.ShouldBe(second);

        var rest = await ListAsync($"limit=2&after={page.Next}");
        rest.Events[0].ShouldBe(new StatusResponse(first, "First", 3, 3, 0));
        rest.Events.ShouldAllBe(e => e.EventId < second);
    }

    [Fact]
    public async Task List_events_after_the_oldest_returns_an_empty_last_page()
    {
        var all = await ListAsync("limit=1000");
        var oldest = all.Events[^1].EventId;

        var empty = await ListAsync($"after={oldest}");

        empty.Events.ShouldBeEmpty();
        empty.Next.ShouldBeNull();
    }

    [Fact]
    public async Task List_events_on_a_page_boundary_says_next_only_while_more_follow()
    {
        var newest = await Client.NewEventAsync(totalTickets: 1);
        var all = await ListAsync("limit=1000");
        all.Next.ShouldBeNull();
        all.Events[0].EventId.ShouldBe(newest);
        all.Events.Select(e => e.EventId).ShouldBeInOrder(SortDirection.Descending);

        var exact = await ListAsync($"limit={all.Events.Count}");
        exact.Events.Count.ShouldBe(all.Events.Count);
        exact.Next.ShouldBeNull();
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("after=abc", "after")]
    [InlineData("after=0", "after")]
    public async Task List_events_with_bad_query_returns_400_naming_the_parameter(string query, string field)
    {
        using var response = await Client.GetAsync($"/api/events?{query}", BookingClient.Credentials());
        await response.ShouldBeFieldErrorsAsync(field);
    }

    [Theory]
    [InlineData("GET", "/api/events")]
    [InlineData("GET", "/api/events/1/bookings")]
    [InlineData("POST", "/api/events/1/capacity")]
    [InlineData("POST", "/api/events/1/close")]
    [InlineData("POST", "/api/events/1/reopen")]
    public async Task Operator_routes_without_credentials_return_401_and_change_nothing(string method, string path)
    {
        var eventId = await Client.NewEventAsync(totalTickets: 1);
        var before = await Host.FactsAsync(eventId);
        using var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("/1/", $"/{eventId}/", StringComparison.Ordinal))
        {
            Content = method == "POST" ? BookingClient.Json("""{"totalTickets": 5}""") : null,
        };

        using var response = await Client.Http.SendAsync(request);

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, Problems.Unauthorized);
        response.ShouldChallengeForBasicAuth();
        (await Host.FactsAsync(eventId)).ShouldBe(before);
    }

    [Fact]
    public async Task Bookings_lists_holders_in_booking_order_then_the_waiting_list_in_queue_order()
    {
        var eventId = await Client.NewEventAsync(totalTickets: 3);
        foreach (var user in new long[] { 30, 10, 20, 50, 40, 60 })
            await Client.BookedAsync(user, eventId);
        await Client.CancelledAsync(10, eventId); // 50 is promoted: a holder from the promotion's version on.
        await Client.CancelledAsync(40, eventId); // leaves the queue

        var page = await BookingsAsync(eventId, null);

        page.Bookings.Select(b => (b.UserId, b.Status)).ShouldBe([(30, "booked"), (20, "booked"), (50, "booked"), (60, "waiting")]);
        page.Bookings.Select(b => b.Version).ShouldBe([2, 4, 9, 7]);
        page.Next.ShouldBeNull();
    }

    [Fact]
    public async Task Bookings_pages_across_the_boundary_between_holders_and_waiting_without_gaps_or_repeats()
    {
        var eventId = await Client.NewEventAsync(totalTickets: 3);
        for (var user = 1; user <= 7; user++)
            await Client.BookedAsync(user, eventId);

        var seen = new List<BookingsEntry>();
        string? after = null;
        var pages = 0;
        do
        {
            var page = await BookingsAsync(eventId, $"limit=3{(after is null ? string.Empty : "&after=" + after)}");
            page.Bookings.Count.ShouldBeLessThanOrEqualTo(3);
            seen.AddRange(page.Bookings);
            after = page.Next;
            pages++;
        }
        while (after is not null);

        pages.ShouldBe(3);
        seen.Select(b => (b.UserId, b.Status)).ShouldBe([(1, "booked"), (2, "booked"), (3, "booked"), (4, "waiting"), (5, "waiting"), (6, "waiting"), (7, "waiting")]);
    }

    [Fact]
    public async Task Bookings_with_status_filter_lists_one_list_only()
    {
        var eventId = await Client.NewEventAsync(totalTickets: 1);
        foreach (var user in new long[] { 1, 2, 3 })
            await Client.BookedAsync(user, eventId);

        (await BookingsAsync(eventId, "status=waiting")).Bookings.Select(b => b.UserId).ShouldBe([2, 3]);
        var holders = await BookingsAsync(eventId, "status=booked&limit=1");
        holders.Bookings.Select(b => b.UserId).ShouldBe([1]);
        holders.Next.ShouldBeNull();
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("status=cancelled", "status")]
    [InlineData("after=booked", "after")]
    [InlineData("after=holder-3", "after")]
    [InlineData("status=waiting&after=booked-3", "after")]
    public async Task Bookings_with_bad_query_returns_400_naming_the_parameter(string query, string field)
    {
        var eventId = await Client.NewEventAsync(totalTickets: 1);
        using var response = await Client.GetAsync($"/api/events/{eventId}/bookings?{query}", BookingClient.Credentials());
        await response.ShouldBeFieldErrorsAsync(field);
    }

    [Theory]
    [InlineData("/api/events/abc/bookings")]
    [InlineData("/api/events/0/bookings")]
    [InlineData("/api/events/0190a3c8-6d2e-7cf4-8a1b-2f0e9d4c5b6a/bookings")]
    [InlineData("/api/events/status/abc")]
    [InlineData("/api/events/-1/history")]
    [InlineData("/api/events/status/01")]
    public async Task Routes_with_an_event_id_that_is_not_a_positive_integer_return_400_naming_eventId(string path)
    {
        using var response = await Client.GetAsync(path, BookingClient.Credentials());
        await response.ShouldBeFieldErrorsAsync("eventId");
    }

    [Fact]
    public async Task Bookings_of_an_unknown_event_returns_404()
    {
        using var response = await Client.GetAsync("/api/events/8999999999999/bookings", BookingClient.Credentials());
        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, Problems.EventNotFound);
    }

    [Fact]
    public async Task Capacity_raise_promotes_the_first_waiting_users_in_order_in_one_append_and_answers_the_new_status()
    {
        var eventId = await Client.NewEventAsync(totalTickets: 1);
        foreach (var user in new long[] { 1, 2, 3, 4 })
            await Client.BookedAsync(user, eventId);

        using var response = await PostAsAdminAsync($"/api/events/{eventId}/capacity", """{"totalTickets": 3}""");

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await response.Content.ReadFromJsonAsync<StatusResponse>()).ShouldBe(new StatusResponse(eventId, "Concert", 3, 0, 1));
        var stream = await Host.ReadStreamAsync(eventId);
        stream.Skip(5).Select(e => e.Data).ShouldBe([new CapacityChanged(3), new WaitlistPromoted(new UserId(2)), new WaitlistPromoted(new UserId(3))]);
        stream.Skip(5).Select(e => e.CorrelationId).Distinct().Count().ShouldBe(1, "one command, one append");
        (await BookingsAsync(eventId, "status=waiting")).Bookings.Select(b => b.UserId).ShouldBe([4]);
    }

    [Fact]
    public async Task Capacity_cut_down_to_the_seats_booked_is_allowed_and_below_it_is_409_that_changes_nothing()
    {
        var eventId = await Client.NewEventAsync(totalTickets: 5);
        await Client.BookedAsync(1, eventId);
        await Client.BookedAsync(2, eventId);

        using (var cut = await PostAsAdminAsync($"/api/events/{eventId}/capacity", """{"totalTickets": 2}"""))
            (await cut.Content.ReadFromJsonAsync<StatusResponse>()).ShouldBe(new StatusResponse(eventId, "Concert", 2, 0, 0));
        var before = await Host.FactsAsync(eventId);

        using var below = await PostAsAdminAsync($"/api/events/{eventId}/capacity", """{"totalTickets": 1}""");

        await below.ShouldBeProblemAsync(HttpStatusCode.Conflict, Problems.CapacityBelowBooked);
        (await Host.FactsAsync(eventId)).ShouldBe(before);
        (await Client.BookedAsync(3, eventId)).Status.ShouldBe("waitlisted");
    }

    [Theory]
    [InlineData("""{"totalTickets": "5"}""")]
    [InlineData("""{"totalTickets": 0}""")]
    [InlineData("""{"totalTickets": 1000001}""")]
    [InlineData("""{}""")]
    [InlineData("""{"totalTickets": 5, "eventName": "x"}""")]
    public async Task Capacity_with_a_bad_body_returns_400_and_changes_nothing(string body)
    {
        var eventId = await Client.NewEventAsync(totalTickets: 2);
        var before = await Host.FactsAsync(eventId);

        using var response = await PostAsAdminAsync($"/api/events/{eventId}/capacity", body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("type").GetString().ShouldBe(Problems.Validation);
        (await Host.FactsAsync(eventId)).ShouldBe(before);
    }

    [Theory]
    [InlineData("capacity")]
    [InlineData("close")]
    [InlineData("reopen")]
    public async Task Operator_commands_on_an_unknown_event_return_404(string command)
    {
        using var response = await PostAsAdminAsync($"/api/events/8999999999998/{command}", """{"totalTickets": 5}""");
        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, Problems.EventNotFound);
    }

    [Fact]
    public async Task Book_while_sales_are_closed_returns_409_sales_closed_and_joins_no_waiting_list()
    {
        var eventId = await Client.NewEventAsync(totalTickets: 1);
        await Client.BookedAsync(1, eventId);
        (await Close(eventId)).SalesOpen.ShouldBeFalse();
        var before = await Host.FactsAsync(eventId);

        using (var freeSeatless = await Client.BookAsync(2, eventId))
            await freeSeatless.ShouldBeProblemAsync(HttpStatusCode.Conflict, Problems.SalesClosed);

        (await Host.FactsAsync(eventId)).ShouldBe(before);
        (await Client.StatusOfAsync(eventId)).Status.SalesOpen.ShouldBeFalse();
    }

    [Fact]
    public async Task Cancel_while_sales_are_closed_still_promotes_the_first_waiting_user()
    {
        var eventId = await Client.NewEventAsync(totalTickets: 1);
        await Client.BookedAsync(1, eventId);
        await Client.BookedAsync(2, eventId);
        await Close(eventId);

        var cancelled = await Client.CancelledAsync(1, eventId);

        cancelled.PromotedUserId.ShouldBe(2);
    }

    [Fact]
    public async Task Close_twice_and_reopen_twice_append_one_event_each_and_reopened_sales_book_again()
    {
        var eventId = await Client.NewEventAsync(totalTickets: 2);
        await Close(eventId);
        await Close(eventId);
        using (var reopened = await PostAsAdminAsync($"/api/events/{eventId}/reopen", string.Empty))
            (await reopened.Content.ReadFromJsonAsync<StatusResponse>())!.SalesOpen.ShouldBeTrue();
        using (var again = await PostAsAdminAsync($"/api/events/{eventId}/reopen", string.Empty))
            again.StatusCode.ShouldBe(HttpStatusCode.OK);

        (await Client.BookedAsync(1, eventId)).Status.ShouldBe("booked");
        (await Host.ReadStreamAsync(eventId)).Select(e => e.EventType).ShouldBe(["tickets-initialized", "sales-closed", "sales-reopened", "ticket-booked"]);
    }

    [Fact]
    public async Task History_and_status_asOf_keep_capacity_changes_and_closed_sales()
    {
        var eventId = await Client.NewEventAsync(totalTickets: 2);
        using (await PostAsAdminAsync($"/api/events/{eventId}/capacity", """{"totalTickets": 4}""")) { }
        await Close(eventId);

        var history = await Client.HistoryPageAsync(eventId);
        history.Events.Select(e => e.Type).ShouldBe(["tickets-initialized", "capacity-changed", "sales-closed"]);
        history.Events[1].Data.TotalTickets.ShouldBe(4);
        (await Client.StatusAsOfValueAsync(eventId, "1")).Status.ShouldBe(new StatusResponse(eventId, "Concert", 2, 2, 0));
        (await Client.StatusAsOfValueAsync(eventId, "2")).Status.ShouldBe(new StatusResponse(eventId, "Concert", 4, 4, 0));
        (await Client.StatusAsOfValueAsync(eventId, "3")).Status.ShouldBe(new StatusResponse(eventId, "Concert", 4, 4, 0, SalesOpen: false));
    }

    [Fact]
    public async Task Capacity_raise_racing_a_stampede_of_bookings_never_oversells_and_keeps_the_queue_in_order()
    {
        var eventId = await Client.NewEventAsync(totalTickets: 10);
        var users = Enumerable.Range(1, 80).Select(u => (long)u).ToList();
        var bookings = users.Select(async user =>
        {
            if (user == 40)
            {
                using var raise = await PostAsAdminAsync($"/api/events/{eventId}/capacity", """{"totalTickets": 30}""");
                raise.StatusCode.ShouldBe(HttpStatusCode.OK);
            }

            return await Client.BookedAsync(user, eventId);
        }).ToList();
        var answers = await Task.WhenAll(bookings);

        var state = await Host.ReplayAsync(eventId);
        state.TotalTickets.ShouldBe(30);
        state.BookedCount.ShouldBe(30);
        state.WaitingCount.ShouldBe(50);
        answers.Count(a => a.Status == "booked").ShouldBeLessThanOrEqualTo(30);
        // The audit checks every version: never more seats than tickets, and each promotion went to the first in the queue.
        var stream = await Host.ReadStreamAsync(eventId);
        StreamAudit.Check(new TicketedEventId(eventId).StreamId, stream.Select(e => (e.Version, e.TicketedEvent())), stream.Count, (await Host.FactsAsync(eventId)).Status)
            .ShouldBeEmpty();
        var listed = await BookingsAsync(eventId, "limit=1000");
        listed.Bookings.Where(b => b.Status == "booked").Select(b => b.UserId).Order().ShouldBe(state.Booked.Select(u => u.Value).Order());
        listed.Bookings.Where(b => b.Status == "waiting").Select(b => b.UserId).ShouldBe(state.WaitingInOrder.Select(u => u.Value));
    }

    [Fact]
    public async Task Close_racing_a_stampede_of_bookings_books_nobody_after_the_close()
    {
        var eventId = await Client.NewEventAsync(totalTickets: 20);
        var tasks = Enumerable.Range(1, 60).Select(async user =>
        {
            if (user == 25)
                await Close(eventId);
            using var response = await Client.BookAsync(user, eventId);
            return (User: (long)user, response.StatusCode);
        }).ToList();
        var answers = await Task.WhenAll(tasks);

        var stream = await Host.ReadStreamAsync(eventId);
        var closedAt = stream.Single(e => e.Data is SalesClosed).Version;
        var entered = stream.Where(e => e.Data is TicketBooked or WaitlistJoined).ToList();
        entered.ShouldAllBe(e => e.Version < closedAt);
        var enteredUsers = entered.Select(e => e.Data is TicketBooked b ? b.UserId.Value : ((WaitlistJoined)e.Data).UserId.Value).Order();
        enteredUsers.ShouldBe(answers.Where(a => a.StatusCode == HttpStatusCode.Created).Select(a => a.User).Order());
        answers.Where(a => a.StatusCode != HttpStatusCode.Created).ShouldAllBe(a => a.StatusCode == HttpStatusCode.Conflict);
        answers.Count(a => a.StatusCode == HttpStatusCode.Conflict).ShouldBeGreaterThan(0);
    }

    private async Task<EventListResponse> ListAsync(string query)
    {
        using var response = await Client.GetAsync($"/api/events?{query}", BookingClient.Credentials());
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<EventListResponse>())!;
    }

    private async Task<BookingsResponse> BookingsAsync(long eventId, string? query)
    {
        using var response = await Client.GetAsync($"/api/events/{eventId}/bookings{(query is null ? string.Empty : "?" + query)}", BookingClient.Credentials());
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var page = (await response.Content.ReadFromJsonAsync<BookingsResponse>())!;
        page.EventId.ShouldBe(eventId);
        return page;
    }

    private async Task<StatusResponse> Close(long eventId)
    {
        using var response = await PostAsAdminAsync($"/api/events/{eventId}/close", string.Empty);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<StatusResponse>())!;
    }

    private async Task<HttpResponseMessage> PostAsAdminAsync(string path, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = BookingClient.Json(json) };
        request.Headers.Authorization = BookingClient.Credentials();
        return await Client.Http.SendAsync(request);
    }
}
