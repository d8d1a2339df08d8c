using System.Net;
using Booking.Web.Api;
using Booking.Web.Tests.Hosting;

namespace Booking.Web.Tests.Api;

public abstract partial class BookingApiContract
{
    [Fact]
    public async Task Cancel_of_booking_with_nobody_waiting_returns_200_cancelled_and_frees_the_seat()
    {
        var eventId = await Client.NewEventAsync(totalTickets: 2);
        await Client.BookedAsync(1, eventId);

        var cancelled = await Client.CancelledAsync(1, eventId);

        cancelled.ShouldBe(new CancelResponse("cancelled", eventId, 1, null, 2, 0));
        (await Client.StatusOfAsync(eventId)).Status.AvailableTickets.ShouldBe(2);
    }

    [Fact]
    public async Task Cancel_of_booking_with_users_waiting_returns_200_naming_the_first_waiter_promoted()
    {
        var eventId = await Client.NewEventAsync(totalTickets: 1);
        await Client.BookedAsync(1, eventId);
        await Client.BookedAsync(2, eventId);
        await Client.BookedAsync(3, eventId);

        var cancelled = await Client.CancelledAsync(1, eventId);

        cancelled.ShouldBe(new CancelResponse("cancelled", eventId, 1, 2, 0, 1));
        (await Client.StatusOfAsync(eventId)).Status.ShouldBe(new StatusResponse(eventId, "Concert", 1, 0, 1));
        var state = await Host.ReplayAsync(eventId);
        state.Booked.Select(u => u.Value).ShouldBe([2]);
        state.WaitingInOrder.Select(u => u.Value).ShouldBe([3]);
    }

    [Fact]
    public async Task Cancel_of_waiting_user_returns_200_left_waitlist_and_keeps_the_others_in_order()
    {
        var eventId = await Client.NewEventAsync(totalTickets: 1);
        foreach (var user in new long[] { 1, 2, 3, 4 })
            await Client.BookedAsync(user, eventId);

        var left = await Client.CancelledAsync(3, eventId);

        left.ShouldBe(new CancelResponse("left-waitlist", eventId, 3, null, 0, 2));
        (await Host.ReplayAsync(eventId)).WaitingInOrder.Select(u => u.Value).ShouldBe([2, 4]);
        (await Client.BookedAsync(5, eventId)).Position.ShouldBe(3);
    }

    [Fact]
    public async Task Cancel_for_unknown_event_returns_404_event_not_found_and_creates_no_stream()
    {
        const long unknown = BookingClient.UnknownEventId;

        using var response = await Client.CancelAsync(1, unknown);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, Problems.EventNotFound);
        (await Host.FactsAsync(unknown)).ShouldBe(new StoredFacts(null, null, null));
    }

    [Fact]
    public async Task Cancel_for_user_without_booking_or_place_returns_404_nothing_to_cancel_and_changes_nothing()
    {
        var eventId = await Client.NewEventAsync(totalTickets: 1);
        await Client.BookedAsync(1, eventId);
        await Client.BookedAsync(2, eventId);
        var before = await Host.FactsAsync(eventId);

        using var response = await Client.CancelAsync(3, eventId);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, Problems.NothingToCancel);
        (await Host.FactsAsync(eventId)).ShouldBe(before);
    }

    [Fact]
    public async Task Cancel_twice_returns_404_nothing_to_cancel_the_second_time()
    {
        var eventId = await Client.NewEventAsync(totalTickets: 1);
        await Client.BookedAsync(1, eventId);
        await Client.CancelledAsync(1, eventId);
        var before = await Host.FactsAsync(eventId);

        using var response = await Client.CancelAsync(1, eventId);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, Problems.NothingToCancel);
        (await Host.FactsAsync(eventId)).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(InvalidBookingBodies))]
    public async Task Cancel_with_invalid_fields_returns_400_with_field_errors_and_changes_nothing(string template, string[] fields)
    {
        var eventId = await Client.NewEventAsync(totalTickets: 1);
        await Client.BookedAsync(1, eventId);
        var before = await Host.FactsAsync(eventId);

        using var response = await Client.PostAsync("/api/events/cancel", template.Replace("EVENT", eventId.ToString(), StringComparison.Ordinal));

        await response.ShouldBeFieldErrorsAsync(fields);
        (await Host.FactsAsync(eventId)).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task Cancel_with_malformed_json_returns_400_malformed_json(string body)
    {
        var before = await Host.CountAllEventsAsync();

        using var response = await Client.PostAsync("/api/events/cancel", body);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, Problems.MalformedJson);
        (await Host.CountAllEventsAsync()).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(WrongMediaTypes))]
    public async Task Cancel_with_wrong_content_type_returns_415_and_changes_nothing(string? mediaType)
    {
        var eventId = await Client.NewEventAsync(totalTickets: 1);
        await Client.BookedAsync(1, eventId);
        var before = await Host.FactsAsync(eventId);

        using var response = await Client.PostAsync("/api/events/cancel", BookingClient.BookingBody(1, eventId), mediaType);

        await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, Problems.UnsupportedMediaType);
        (await Host.FactsAsync(eventId)).ShouldBe(before);
    }
}
