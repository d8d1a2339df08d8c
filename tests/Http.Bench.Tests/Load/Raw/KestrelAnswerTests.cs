using System.Collections.Concurrent;
using Http.Bench.Load;
using Http.Bench.Load.Raw;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Http.Bench.Tests.Load.Raw;

/// <summary>The raw client against what Kestrel really sends for JSON results like the booking endpoints'.</summary>
public class KestrelAnswerTests
{
    [Fact]
    public async Task SendAsync_to_a_kestrel_minimal_api_classifies_its_json_and_problem_answers_over_one_connection()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        var connections = new ConcurrentDictionary<string, int>();
        app.Use((context, next) =>
        {
            connections.AddOrUpdate(context.Connection.Id, 1, (_, requests) => requests + 1);
            return next(context);
        });
        app.MapPost("/api/events/book", () => TypedResults.Created("/x", new { status = "booked", userId = 1 }));
        app.MapPost("/api/events/cancel", () => TypedResults.Problem(statusCode: 409, type: "https://x/not-booked", detail: "user 1"));
        await app.StartAsync();
        var port = new Uri(app.Urls.First()).Port;
        using var client = new RawConnection(port);

        var booked = new List<Answer>();
        for (var user = 1; user <= 3; user++)
            booked.Add(await client.SendAsync(new BenchRequest(false, 1, user)));
        var notBooked = await client.SendAsync(new BenchRequest(true, 1, 1));
        var bookedAfterAProblem = await client.SendAsync(new BenchRequest(false, 1, 9));

        booked.ShouldAllBe(answer => answer == new Answer(Outcome.Booked, false, null));
        notBooked.ShouldBe(new Answer(Outcome.Unexpected, false, "409 https://x/not-booked"));
        bookedAfterAProblem.Outcome.ShouldBe(Outcome.Booked);
        connections.Values.ShouldBe([5], "all five requests on one keep-alive connection");
    }
}
