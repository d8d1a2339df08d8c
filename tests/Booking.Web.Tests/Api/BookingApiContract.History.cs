using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Booking.Web.Api;
using Booking.Web.Tests.Hosting;

namespace Booking.Web.Tests.Api;

public abstract partial class BookingApiContract
{
    [Fact]
    public async Task History_paged_by_10_over_25_events_returns_every_version_once_in_order()
    {
        var eventId = await Client.NewEventAsync(totalTickets: 10);
        for (var user = 1; user <= 24; user++)
            await Client.BookedAsync(user, eventId);

        var pages = new List<HistoryResponse>();
        for (long? from = 1; from is { } next;)
        {
            var page = await Client.HistoryPageAsync(eventId, next, limit: 10);
            page.EventId.ShouldBe(eventId);
            page.FromVersion.ShouldBe(next);
            page.Limit.ShouldBe(10);
            pages.Add(page);
            from = page.NextFromVersion;
        }

        pages.Select(p => p.NextFromVersion).ShouldBe([11, 21, null]);
        var entries = pages.SelectMany(p => p.Events).ToList();
        entries.Select(e => e.Version).ShouldBe(Enumerable.Range(1, 25).Select(v => (long)v));
        entries.Select(e => e.Position).ShouldBeInOrder(SortDirection.Ascending);
        entries.Select(e => e.Position).Distinct().Count().ShouldBe(25);
        entries.Count(e => e.Type == "ticket-booked").ShouldBe(10);
        entries.Count(e => e.Type == "waitlist-joined").ShouldBe(14);
    }

    [Fact]
    public async Task History_of_a_scripted_event_returns_type_names_user_ids_data_and_ids_matching_what_was_done()
    {
        var eventId = await Client.NewEventAsync(totalTickets: 1, "Jazz Brunch");
        await Client.BookedAsync(7, eventId);
        await Client.BookedAsync(8, eventId);
        var correlationId = Guid.NewGuid();
        using (var cancel = new HttpRequestMessage(HttpMethod.Post, "/api/events/cancel") { Content = BookingClient.Json(BookingClient.BookingBody(7, eventId)) })
        {
            cancel.Headers.Add("X-Correlation-Id", correlationId.ToString());
            using var response = await Client.Http.SendAsync(cancel);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var history = await Client.HistoryPageAsync(eventId);

        history.NextFromVersion.ShouldBeNull();
        var entries = history.Events;
        entries.Select(e => e.Type).ShouldBe(["tickets-initialized", "ticket-booked", "waitlist-joined", "booking-cancelled", "waitlist-promoted"]);
        entries.Select(e => e.UserId).ShouldBe([null, 7, 8, 7, 8]);
        entries[0].Data.ShouldBe(new HistoryEntryData("Jazz Brunch", 1));
        entries.Skip(1).ShouldAllBe(e => e.Data == new HistoryEntryData(null, null));
        entries.ShouldAllBe(e => e.RecordedAt.Kind == DateTimeKind.Utc && e.CorrelationId != null && e.CausationId != null);
        // The cancellation and the promotion it caused are one command: same correlation, same cause, same instant.
        entries[3].CorrelationId.ShouldBe(correlationId);
        entries[4].CorrelationId.ShouldBe(correlationId);
        entries[4].CausationId.ShouldBe(entries[3].CausationId);
        entries[4].RecordedAt.ShouldBe(entries[3].RecordedAt);
        entries[3].CausationId.ShouldNotBe(entries[2].CausationId);
        var stored = await Host.ReadStreamAsync(eventId);
        entries.Select(e => (e.Version, e.Position, e.RecordedAt)).ShouldBe(stored.Select(e => (e.Version, e.Position, e.RecordedAt)));
    }

    [Fact]
    public async Task History_json_writes_utc_times_and_an_explicit_null_next_from_version_on_the_last_page()
    {
        var eventId = await Client.NewEventAsync(totalTickets: 2);
        await Client.BookedAsync(1, eventId);

        using var response = await Client.HistoryAsync(eventId, "limit=2", BookingClient.Credentials());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        json.GetProperty("nextFromVersion").ValueKind.ShouldBe(JsonValueKind.Null);
        var first = json.GetProperty("events")[0];
        first.GetProperty("recordedAt").GetString().ShouldEndWith("Z");
        first.TryGetProperty("userId", out _).ShouldBeFalse();
        first.GetProperty("data").GetProperty("totalTickets").GetInt32().ShouldBe(2);
        json.GetProperty("events")[1].GetProperty("userId").GetInt64().ShouldBe(1);
    }

    [Fact]
    public async Task History_page_ending_one_before_the_last_event_returns_the_last_version_as_next()
    {
        var eventId = await Client.NewEventAsync(totalTickets: 5);
        foreach (var user in new long[] { 1, 2, 3 })
            await Client.BookedAsync(user, eventId);

        (await Client.HistoryPageAsync(eventId, 1, limit: 3)).NextFromVersion.ShouldBe(4);
        (await Client.HistoryPageAsync(eventId, 1, limit: 4)).NextFromVersion.ShouldBeNull();
        var last = await Client.HistoryPageAsync(eventId, 4, limit: 1);
        last.Events.Select(e => e.Version).ShouldBe([4]);
        last.NextFromVersion.ShouldBeNull();
    }

    [Fact]
    public async Task History_without_paging_parameters_returns_from_version_1_with_limit_100()
    {
        var eventId = await Client.NewEventAsync(totalTickets: 1);

        using var response = await Client.HistoryAsync(eventId, query: null, BookingClient.Credentials());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var history = (await response.Content.ReadFromJsonAsync<HistoryResponse>())!;
        history.FromVersion.ShouldBe(1);
        history.Limit.ShouldBe(HistoryApi.DefaultLimit);
        history.Events.Select(e => e.Type).ShouldBe(["tickets-initialized"]);
    }

    [Fact]
    public async Task History_from_past_the_last_version_returns_200_with_no_events()
    {
        var eventId = await Client.NewEventAsync(totalTickets: 1);

        var history = await Client.HistoryPageAsync(eventId, fromVersion: 2);

        history.Events.ShouldBeEmpty();
        history.NextFromVersion.ShouldBeNull();
    }

    [Fact]
    public async Task History_without_credentials_returns_401_with_basic_challenge()
    {
        var eventId = await Client.NewEventAsync(totalTickets: 1);

        using var response = await Client.HistoryAsync(eventId, query: null, credentials: null);

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, Problems.Unauthorized);
        response.ShouldChallengeForBasicAuth();
    }

    [Theory]
    [InlineData("fromVersion=abc", "fromVersion")]
    [InlineData("fromVersion=0", "fromVersion")]
    [InlineData("fromVersion=-1", "fromVersion")]
    [InlineData("fromVersion=%2B1", "fromVersion")]
    [InlineData("fromVersion=1.5", "fromVersion")]
    [InlineData("fromVersion=%201", "fromVersion")]
    [InlineData("fromVersion=9007199254740992", "fromVersion")]
    [InlineData("fromVersion=99999999999999999999", "fromVersion")]
    [InlineData("fromVersion=", "fromVersion")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("limit=1e2", "limit")]
    [InlineData("limit=5&limit=6", "limit")]
    [InlineData("fromVersion=0&limit=0", "fromVersion", "limit")]
    public async Task History_with_bad_paging_parameters_returns_400_naming_each_field(string query, params string[] fields)
    {
        var eventId = await Client.NewEventAsync(totalTickets: 1);

        using var response = await Client.HistoryAsync(eventId, query, BookingClient.Credentials());

        await response.ShouldBeFieldErrorsAsync(fields);
    }

    [Fact]
    public async Task History_with_the_largest_limit_returns_200()
    {
        var eventId = await Client.NewEventAsync(totalTickets: 1);

        (await Client.HistoryPageAsync(eventId, limit: HistoryApi.MaxLimit)).Limit.ShouldBe(1000);
    }

    [Fact]
    public async Task History_for_unknown_event_returns_404_event_not_found()
    {
        using var response = await Client.HistoryAsync(BookingClient.UnknownEventId, "fromVersion=1", BookingClient.Credentials());

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, Problems.EventNotFound);
    }

    [Theory]
    [InlineData("not-a-number")]
    [InlineData("0198a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("%2B1")]
    [InlineData("1.5")]
    [InlineData("9007199254740992")]
    [InlineData("99999999999999999999")]
    public async Task History_for_an_id_that_is_not_a_positive_integer_returns_400_naming_eventId(string eventId)
    {
        using var response = await Client.GetAsync($"/api/events/{eventId}/history", BookingClient.Credentials());

        await response.ShouldBeFieldErrorsAsync("eventId");
    }
}
