using System.Net;
using System.Text.Json;
using Booking.Web.Api;
using Booking.Web.Hosting;
using Booking.Web.Tests.Hosting;
using EventBooking.Migrations;
using EventStore;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Web.Tests.Bugs;

/// <summary>
/// Found by the crash-safety suite (issue #6, mariadbd killed 5 times): 13 requests were answered 503 "The booking
/// could not be stored; it was not made" although their events were in the stream. The database had committed them
/// and died before answering; the processor's retries then failed too. The outcome is unknown to the service at that
/// point, so the answer must not claim that nothing was made, and a retry must tell the client what did happen.
/// </summary>
public sealed class UnavailableAfterACommitClaimsNothingWasMade
{
    [Fact]
    public async Task Book_when_every_append_commits_but_its_answer_is_lost_answers_503_without_claiming_nothing_was_made_and_a_retry_answers_409()
    {
        await using var database = await TestDatabase.CreateAsync(StoreProvider.MySql);
        await using var host = new BookingHost(database);
        var real = StoreSetup.CreateStore(new StoreSettings(database.Provider, database.ConnectionString, MigrateOnStartup: true), TimeProvider.System);
        var (store, answers) = LostAnswerStore.Wrapping(real);
        // The wrapper is an IEventStore only: initialize still numbers its ticketed event from the real store's sequence.
        var client = new BookingClient(host.WithWebHostBuilder(b => b.ConfigureTestServices(s => s
            .AddSingleton(store)
            .AddSingleton((ISequenceNumbers)real))).CreateClient());
        var eventId = await client.NewEventAsync(totalTickets: 2);

        answers.LoseNextAnswers(int.MaxValue);
        var lost = await client.BookAsync(1, eventId);
        answers.LoseNextAnswers(0);
        var retry = await client.BookAsync(1, eventId);

        await lost.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, Problems.Unavailable);
        var detail = JsonDocument.Parse(await lost.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString();
        detail.ShouldNotBeNull().ShouldNotContain("not made");
        detail.ShouldNotContain("not carried out");
        detail.ShouldContain("unknown");
        await retry.ShouldBeProblemAsync(HttpStatusCode.Conflict, Problems.AlreadyBooked);
        (await host.ReplayAsync(eventId)).Available.ShouldBe(1);
    }
}
