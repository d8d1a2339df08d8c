using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Booking.Core.Auditing;
using Booking.Core.TicketedEvents;
using Booking.Web.Api;
using Booking.Web.Tests.Hosting;
using Xunit.Abstractions;

namespace Booking.Web.Tests.DatabaseFaults;

/// <summary>
/// mariadbd is killed (SIGKILL) twice under concurrent bookings (every fourth user cancels again) and started again
/// on the same data directory each time. Every request must end in 201/200 or a 503 problem with Retry-After (never
/// a 500, never a hang), the service must recover by itself, and the streams must hold every acknowledged booking
/// and cancellation and nothing nobody asked for; the audit (status documents included) is clean.
/// </summary>
public sealed class DatabaseCrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Clients = 16;
    private const int Crashes = 2;
    private const int TicketsPerEvent = 40;
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(20);
    private MariaDbServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await MariaDbServer.InstallAsync();
        await _server.StartAsync();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Book_and_cancel_by_16_clients_while_the_database_is_killed_twice_answer_201_200_or_503_and_lose_nothing_acknowledged()
    {
        // Fatal only: hundreds of expected 503s would each log their stack trace several times over.
        var quiet = new Dictionary<string, string?> { ["Serilog:MinimumLevel:Default"] = "Fatal" };
        await using var host = new BookingHost(TestDatabase.On(_server, "crash"), settings: quiet);
        var client = host.CreateBookingClient();
        client.Http.Timeout = RequestTimeout;
        long[] events = [await client.NewEventAsync(TicketsPerEvent), await client.NewEventAsync(TicketsPerEvent), await client.NewEventAsync(TicketsPerEvent)];
        var log = new ConcurrentQueue<Outcome>();
        using var stop = new CancellationTokenSource();
        var nextUser = 0L;
        var clients = Enumerable.Range(0, Clients).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var user = Interlocked.Increment(ref nextUser);
                var booking = await BookAsync(client, user, events[user % events.Length]);
                log.Enqueue(booking);
                if (user % 4 == 0 && booking.Status == HttpStatusCode.Created)
                    log.Enqueue(await CancelAsync(client, user, booking.EventId));
            }
        })).ToArray();

        for (var crash = 1; crash <= Crashes; crash++)
        {
            var before = log.Count;
            await Eventually.HoldsAsync(() => Task.FromResult(log.Skip(before).Count(o => o.Status == HttpStatusCode.Created) >= 50), OutageAssertions.RecoveryDeadline, $"50 bookings before crash {crash}");
            await _server.KillAsync();
            var atCrash = log.Count;
            await Eventually.HoldsAsync(() => Task.FromResult(log.Skip(atCrash).Count(o => o.Status == HttpStatusCode.ServiceUnavailable) >= 20), OutageAssertions.RecoveryDeadline, $"20 answers while down after crash {crash}");
            await _server.StartAsync();
        }

        var atLastRestart = log.Count;
        await Eventually.HoldsAsync(() => Task.FromResult(log.Skip(atLastRestart).Count(o => o.Status == HttpStatusCode.Created) >= 50), OutageAssertions.RecoveryDeadline, "50 bookings after the last restart");
        await stop.CancelAsync();
        await Task.WhenAll(clients);

        var outcomes = log.ToList();
        output.WriteLine(string.Join(", ", outcomes.GroupBy(o => (o.Operation, o.Status)).Select(g => $"{g.Key.Operation} {(int?)g.Key.Status}: {g.Count()}")));
        outcomes.Where(o => o.Failure is not null).Select(o => o.Failure).ShouldBeEmpty("every request answers 201 or a 503 problem with Retry-After, in time");
        outcomes.ShouldContain(o => o.Status == HttpStatusCode.ServiceUnavailable, "the crash was felt");
        await client.BecomesReadyAsync();
        foreach (var eventId in events)
            await ShouldHoldEveryAcknowledgedBookingAsync(host, client, eventId, outcomes.Where(o => o.EventId == eventId).ToList());

        // A client told 503 sends again: booked once (201), or told it already was (409) when its commit went through unseen.
        var resent = await Task.WhenAll(outcomes.Where(o => o.Operation == "book" && o.Status == HttpStatusCode.ServiceUnavailable).Select(o => BookAsync(client, o.UserId, o.EventId)));
        resent.Where(o => o.Status is not (HttpStatusCode.Created or HttpStatusCode.Conflict)).ShouldBeEmpty();
        foreach (var eventId in events)
        {
            var state = await host.ReplayAsync(eventId);
            var sentAgain = resent.Where(o => o.EventId == eventId).Select(o => new UserId(o.UserId)).ToList();
            sentAgain.ShouldAllBe(user => state.IsBooked(user) || state.IsWaiting(user));
            (await new StoreAudit(host.Store).AuditAsync(new TicketedEventId(eventId), CancellationToken.None)).ShouldBeEmpty();
        }
    }

    private static async Task ShouldHoldEveryAcknowledgedBookingAsync(BookingHost host, BookingClient client, long eventId, List<Outcome> outcomes)
    {
        var stream = (await host.ReadStreamAsync(eventId)).Select(e => e.TicketedEvent()).ToList();
        var state = TicketedEventState.Fold(stream);
        var cancelled = outcomes.Where(o => o.Operation == "cancel" && o.Status == HttpStatusCode.OK).ToDictionary(o => o.UserId);
        var cancelTried = outcomes.Where(o => o.Operation == "cancel").Select(o => o.UserId).ToHashSet();
        foreach (var o in outcomes.Where(o => o.Operation == "book" && o.Status == HttpStatusCode.Created))
        {
            var user = new UserId(o.UserId);
            stream.ShouldContain(e => e.Equals(o.Booked ? new TicketBooked(user) : new WaitlistJoined(user)), $"user {o.UserId} was told 201 {(o.Booked ? "booked" : "waitlisted")}");
            if (cancelled.TryGetValue(o.UserId, out var cancel))
            {
                // A waitlisted user may have been promoted before cancelling: the cancel's own answer says which.
                stream.ShouldContain(e => e.Equals(cancel.Booked ? new BookingCancelled(user) : new WaitlistLeft(user)), $"user {o.UserId} was told 200 {(cancel.Booked ? "cancelled" : "left-waitlist")}");
                (state.IsBooked(user) || state.IsWaiting(user)).ShouldBeFalse($"user {o.UserId} was told 200 cancelled");
            }
            else if (!cancelTried.Contains(o.UserId))
            {
                (state.IsBooked(user) || state.IsWaiting(user)).ShouldBeTrue($"user {o.UserId} was told 201 and never cancelled");
            }
        }

        // Nothing nobody asked for: every user in the stream sent a request that was acknowledged or answered 503 (in flight).
        var asked = outcomes.Select(o => o.UserId).ToHashSet();
        stream.OfType<TicketBooked>().Select(e => e.UserId).Concat(stream.OfType<WaitlistJoined>().Select(e => e.UserId)).ShouldAllBe(user => asked.Contains(user.Value));
        (await new StoreAudit(host.Store).AuditAsync(new TicketedEventId(eventId), CancellationToken.None)).ShouldBeEmpty();
        (await client.StatusOfAsync(eventId)).Status.ShouldBe(new StatusResponse(eventId, "Concert", state.TotalTickets, state.Available, state.WaitingCount));
    }

    private static Task<Outcome> BookAsync(BookingClient client, long user, long eventId) =>
        SendAsync("book", () => client.BookAsync(user, eventId), user, eventId, HttpStatusCode.Created, HttpStatusCode.Conflict);

    // A 404 "nothing to cancel" is the answer to a resent cancel whose first attempt committed unseen.
    private static Task<Outcome> CancelAsync(BookingClient client, long user, long eventId) =>
        SendAsync("cancel", () => client.CancelAsync(user, eventId), user, eventId, HttpStatusCode.OK, HttpStatusCode.NotFound);

    private static async Task<Outcome> SendAsync(
        string operation, Func<Task<HttpResponseMessage>> send, long user, long eventId, HttpStatusCode success, HttpStatusCode alreadyDone)
    {
        try
        {
            using var response = await send();
            if (response.StatusCode == success && operation == "book")
                return new(operation, user, eventId, success, (await response.Content.ReadFromJsonAsync<BookingResponse>())!.Status == "booked", null);
            if (response.StatusCode == success)
                return new(operation, user, eventId, success, (await response.Content.ReadFromJsonAsync<CancelResponse>())!.Status == "cancelled", null);
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                await response.ShouldBeUnavailableAsync();
            return response.StatusCode == success || response.StatusCode == alreadyDone || response.StatusCode == HttpStatusCode.ServiceUnavailable
                ? new(operation, user, eventId, response.StatusCode, false, null)
                : new(operation, user, eventId, response.StatusCode, false, $"{operation} user {user}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        catch (Exception e) when (e is ShouldAssertException or TaskCanceledException or HttpRequestException)
        {
            return new(operation, user, eventId, null, false, $"{operation} user {user}: {e.GetType().Name}: {e.Message}");
        }
    }

    // Booked: a 201 "booked" (not "waitlisted"), or a 200 "cancelled" (not "left-waitlist").
    private sealed record Outcome(string Operation, long UserId, long EventId, HttpStatusCode? Status, bool Booked, string? Failure);
}
