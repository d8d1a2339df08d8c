using System.Net;
using Booking.Core.TicketedEvents;
using Booking.Web.Api;
using Booking.Web.Tests.Hosting;

namespace Booking.Web.Tests.Scenarios;

/// <summary>Idempotency-Key under concurrency, dropped connections and restarts: each key books exactly once.</summary>
public abstract partial class ScenarioContract
{
    [Fact]
    public async Task Book_by_50_concurrent_requests_with_one_key_books_once_and_the_rest_replay_or_get_409()
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        await using var host = new BookingHost(database);
        var client = host.CreateBookingClient();
        var eventId = await client.NewEventAsync(totalTickets: 10);
        var key = Guid.NewGuid().ToString();

        var replies = await ConcurrentlyAsync(Users(1, 50), async _ => await Reply.OfAsync(await client.BookWithKeyAsync(7, eventId, key)));

        await ShouldBeAnsweredOnceAsync(replies, client, eventId, key);
        var stream = await host.ReadStreamAsync(eventId);
        stream.Select(e => e.Data).ShouldBe([new TicketsInitialized(new TicketedEventId(eventId), "Concert", 10), new TicketBooked(new UserId(7))]);
    }

    [Fact]
    public async Task Book_by_20_users_each_sending_their_key_5_times_at_once_books_each_user_once()
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        await using var host = new BookingHost(database);
        var client = host.CreateBookingClient();
        var eventId = await client.NewEventAsync(totalTickets: 10);
        var keys = Users(1, 20).ToDictionary(user => user, _ => Guid.NewGuid().ToString());

        var replies = await ConcurrentlyAsync(Users(1, 20).SelectMany(user => Enumerable.Repeat(user, 5)), async user =>
            (User: user, Reply: await Reply.OfAsync(await client.BookWithKeyAsync(user, eventId, keys[user]))));

        foreach (var user in replies.GroupBy(r => r.User))
            await ShouldBeAnsweredOnceAsync([.. user.Select(r => r.Reply)], client, eventId, keys[user.Key], user.Key);
        var state = await host.ReplayAsync(eventId);
        state.Version.ShouldBe(21, "one event per user");
        state.BookedCount.ShouldBe(10);
        state.WaitingCount.ShouldBe(10);
        CheckInvariants(state);
    }

    // The client gives up on a request that is still being processed (its connection dropped) and retries: while the
    // first is in flight the retry is told 409; once it has committed, the retry gets its answer. One booking.
    [Fact]
    public async Task Book_retried_after_a_dropped_connection_books_once_and_replays_the_answer()
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        await using var host = new BookingHost(database);
        var client = host.CreateBookingClient();
        var eventId = await client.NewEventAsync(totalTickets: 10);
        var key = Guid.NewGuid().ToString();

        using var drop = new CancellationTokenSource();
        Task<HttpResponseMessage> dropped;
        await using (await StreamHold.TakeAsync(database, new TicketedEventId(eventId).StreamId))
        {
            dropped = client.BookWithKeyAsync(3, eventId, key, drop.Token);
            await Task.Delay(500);
            await drop.CancelAsync();

            // Bounded, so that a first request still not in flight after the delay fails the test instead of hanging it.
            using var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            using var whileInFlight = await client.BookWithKeyAsync(3, eventId, key, bounded.Token);
            await whileInFlight.ShouldBeProblemAsync(HttpStatusCode.Conflict, Problems.IdempotencyKeyInFlight);
            whileInFlight.Headers.RetryAfter.ShouldNotBeNull();
        }

        // Whatever the dropped request's client saw, it is discarded; the retry must not depend on it.
        await dropped.ContinueWith(_ => { }, TaskScheduler.Default);
        var retry = await RetryWhileInFlightAsync(() => client.BookWithKeyAsync(3, eventId, key));

        retry.Status.ShouldBe(HttpStatusCode.Created, retry.Body);
        retry.Replayed.ShouldBeTrue("the first request committed although its client was gone");
        (await host.ReadStreamAsync(eventId)).Count(e => e.Data is TicketBooked).ShouldBe(1);
    }

    [Fact]
    public async Task Book_sent_twice_with_the_first_answer_discarded_books_once()
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        await using var host = new BookingHost(database);
        var client = host.CreateBookingClient();
        var eventId = await client.NewEventAsync(totalTickets: 1);
        await client.BookedAsync(1, eventId);
        var key = Guid.NewGuid().ToString();

        (await client.BookWithKeyAsync(2, eventId, key)).Dispose();
        var retry = await Reply.OfAsync(await client.BookWithKeyAsync(2, eventId, key));

        retry.Status.ShouldBe(HttpStatusCode.Created);
        retry.Replayed.ShouldBeTrue();
        retry.Body.ShouldContain("\"position\":1");
        (await host.ReplayAsync(eventId)).WaitingInOrder.Select(u => u.Value).ShouldBe([2]);
    }

    [Fact]
    public async Task Keyed_answers_survive_a_restart_over_the_same_database()
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        var (initializeKey, bookKey, cancelKey, refusedKey) = (Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), Guid.NewGuid().ToString());
        Reply initialized, booked, cancelled, refused;
        long eventId;
        await using (var first = new BookingHost(database))
        {
            var client = first.CreateBookingClient();
            initialized = await Reply.OfAsync(await client.InitializeWithKeyAsync("Opera", 1, initializeKey));
            eventId = System.Text.Json.JsonSerializer.Deserialize<InitializeResponse>(initialized.Body, System.Text.Json.JsonSerializerOptions.Web)!.EventId;
            await client.BookedAsync(1, eventId);
            booked = await Reply.OfAsync(await client.BookWithKeyAsync(2, eventId, bookKey));
            cancelled = await Reply.OfAsync(await client.CancelWithKeyAsync(1, eventId, cancelKey));
            refused = await Reply.OfAsync(await client.CancelWithKeyAsync(9, eventId, refusedKey));
        }

        await using var second = new BookingHost(database);
        var restarted = second.CreateBookingClient();
        var versionBefore = (await second.ReplayAsync(eventId)).Version;

        (await Reply.OfAsync(await restarted.InitializeWithKeyAsync("Opera", 1, initializeKey))).ShouldBeReplayOf(initialized);
        (await Reply.OfAsync(await restarted.BookWithKeyAsync(2, eventId, bookKey))).ShouldBeReplayOf(booked);
        (await Reply.OfAsync(await restarted.CancelWithKeyAsync(1, eventId, cancelKey))).ShouldBeReplayOf(cancelled);
        (await Reply.OfAsync(await restarted.CancelWithKeyAsync(9, eventId, refusedKey))).ShouldBeReplayOf(refused);
        booked.Body.ShouldContain("waitlisted");
        cancelled.Body.ShouldContain("\"promotedUserId\":2");
        refused.Status.ShouldBe(HttpStatusCode.NotFound);
        versionBefore.ShouldBe(5);
        (await second.ReplayAsync(eventId)).Version.ShouldBe(versionBefore);
        (await second.CountAllEventsAsync()).ShouldBe(5, "one initialize, one plain booking, one waitlisting, a cancel and a promotion");
    }

    /// <summary>
    /// Of <paramref name="replies"/> to one key, exactly one is the first answer (201, not replayed); every other is its
    /// replay or a 409 in-flight problem; and a later retry replays it.
    /// </summary>
    protected static async Task ShouldBeAnsweredOnceAsync(Reply[] replies, BookingClient client, long eventId, string key, long user = 7)
    {
        var first = replies.Where(r => r.Status == HttpStatusCode.Created && !r.Replayed).ShouldHaveSingleItem();
        foreach (var reply in replies.Where(r => r != first))
        {
            if (reply.Status == HttpStatusCode.Conflict)
                reply.Body.ShouldContain(Problems.IdempotencyKeyInFlight);
            else
                reply.ShouldBeReplayOf(first);
        }

        (await Reply.OfAsync(await client.BookWithKeyAsync(user, eventId, key))).ShouldBeReplayOf(first);
    }

    private static async Task<Reply> RetryWhileInFlightAsync(Func<Task<HttpResponseMessage>> send)
    {
        for (var attempt = 0; ; attempt++)
        {
            var reply = await Reply.OfAsync(await send());
            if (reply.Status != HttpStatusCode.Conflict || attempt == 50)
                return reply;
            await Task.Delay(100);
        }
    }
}
