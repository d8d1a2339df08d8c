using System.Net;
using Booking.Core.TicketedEvents;
using Booking.Web.Api;
using Booking.Web.Tests.Hosting;

namespace Booking.Web.Tests.Scenarios;

public abstract partial class ScenarioContract
{
    [Fact]
    public async Task Book_with_a_full_queue_answers_503_with_RetryAfter_and_loses_no_accepted_booking()
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        await using var host = new BookingHost(database, settings: new Dictionary<string, string?>
        {
            ["Processing:QueueCapacity"] = "3",
            ["Processing:MaxBatchSize"] = "1",
        });
        var client = host.CreateBookingClient();
        var eventId = await client.NewEventAsync(totalTickets: 100);

        List<Task<HttpResponseMessage>> pending;
        await using (await StreamHold.TakeAsync(database, new TicketedEventId(eventId).StreamId))
        {
            pending = [.. Users(1, 20).Select(user => client.BookAsync(user, eventId))];
            await Task.Delay(500);
            pending.Where(p => p.IsCompleted).ShouldNotBeEmpty("a full queue answers at once, while the store is still blocked");
        }

        var responses = await Task.WhenAll(pending);

        var refused = responses.Where(r => r.StatusCode == HttpStatusCode.ServiceUnavailable).ToList();
        refused.ShouldNotBeEmpty();
        foreach (var response in refused)
        {
            await response.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, Problems.Unavailable);
            response.Headers.RetryAfter.ShouldNotBeNull();
        }

        var accepted = responses.Count(r => r.StatusCode == HttpStatusCode.Created);
        (accepted + refused.Count).ShouldBe(20);
        (await host.ReplayAsync(eventId)).BookedCount.ShouldBe(accepted, "every 201 is in the stream and nothing else");
    }

    [Fact]
    public async Task Shutdown_with_commands_queued_writes_them_before_stopping()
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        var host = new BookingHost(database, settings: new Dictionary<string, string?> { ["Processing:MaxBatchSize"] = "2" });
        var client = host.CreateBookingClient();
        var eventId = await client.NewEventAsync(totalTickets: 100);
        var hold = await StreamHold.TakeAsync(database, new TicketedEventId(eventId).StreamId);
        var pending = Users(1, 10).Select(user => client.BookAsync(user, eventId)).ToList();
        await Task.Delay(300);

        var stopping = host.DisposeAsync().AsTask();
        await Task.Delay(300);
        await hold.DisposeAsync();
        await stopping;

        // The in-memory test server aborts its open requests when it is disposed (Kestrel would let them finish),
        // so the proof is in the store: every queued command was written.
        await Task.WhenAll(pending.Select(p => p.ContinueWith(_ => { }, TaskScheduler.Default)));
        await using var restarted = new BookingHost(database);
        (await restarted.ReplayAsync(eventId)).BookedCount.ShouldBe(10);
    }

    [Fact]
    public async Task Processor_idle_past_its_timeout_leaves_memory_and_comes_back_with_the_same_state()
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        await using var host = new BookingHost(database, settings: new Dictionary<string, string?> { ["Processing:IdleTimeout"] = "00:00:00.300" });
        var client = host.CreateBookingClient();
        var eventId = await client.NewEventAsync(totalTickets: 1);
        await client.BookedAsync(1, eventId);

        for (var attempt = 0; attempt < 50 && await client.DebugCacheEntryAsync(eventId) is not null; attempt++)
            await Task.Delay(100);
        (await client.DebugCacheEntryAsync(eventId)).ShouldBeNull("an idle processor leaves the registry");

        (await client.BookedAsync(2, eventId)).ShouldBe(new BookingResponse("waitlisted", eventId, 2, 1));
        (await client.DebugCacheEntryAsync(eventId))!.Version.ShouldBe(3);
    }
}
