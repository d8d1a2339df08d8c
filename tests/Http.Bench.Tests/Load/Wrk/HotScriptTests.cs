using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Http.Bench.Load.Wrk;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Http.Bench.Tests.Load.Wrk;

/// <summary>bench/wrk/hot.lua run by the real wrk (Debian's package, installed by .ci/run) against a Kestrel that records every body.</summary>
public class HotScriptTests
{
    [Fact]
    public async Task Wrk_with_the_hot_script_books_a_new_user_per_request_on_the_given_event_in_the_rounds_user_range()
    {
        var bodies = new ConcurrentBag<(long UserId, long EventId)>();
        var connections = new ConcurrentDictionary<string, int>();
        await using var app = await StartAsync(bodies, connections);
        var port = new Uri(app.Urls.First()).Port;

        var stdout = await RunWrkAsync(port, "42", "3");

        var output = WrkOutput.Parse(stdout);
        output.Status.ShouldBe(0);
        output.SocketErrors.ShouldBe(0);
        output.Requests.ShouldBeGreaterThan(10);
        bodies.Count.ShouldBeInRange((int)output.Requests, (int)output.Requests + 4, "wrk counts answered requests; up to one per connection is left in flight");
        bodies.ShouldAllBe(b => b.EventId == 42);
        bodies.Select(b => b.UserId).Distinct().Count().ShouldBe(bodies.Count, "no user twice");
        // Round 3, threads 1 and 2: (3 * 100 + thread) * 10^8 + 1, + 2, ...
        bodies.Select(b => b.UserId / 100_000_000).Distinct().Order().ShouldBe([301L, 302L]);
        connections.Count.ShouldBe(4, "keep-alive: wrk's 4 connections carry every request");
    }

    [Fact]
    public async Task Wrk_with_the_hot_script_in_static_mode_sends_one_request_over_and_over()
    {
        var bodies = new ConcurrentBag<(long UserId, long EventId)>();
        await using var app = await StartAsync(bodies);
        var port = new Uri(app.Urls.First()).Port;

        WrkOutput.Parse(await RunWrkAsync(port, "7", "0", "static")).Status.ShouldBe(0);

        bodies.Select(b => b.EventId).Distinct().ShouldBe([7L]);
        bodies.Select(b => b.UserId).Distinct().Count().ShouldBe(2, "one request per thread, formatted once");
    }

    private static async Task<WebApplication> StartAsync(ConcurrentBag<(long, long)> bodies, ConcurrentDictionary<string, int>? connections = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Use((context, next) =>
        {
            connections?.AddOrUpdate(context.Connection.Id, 1, (_, requests) => requests + 1);
            return next(context);
        });
        app.MapPost("/api/events/book", async (HttpRequest request) =>
        {
            request.ContentType.ShouldBe("application/json");
            using var json = await JsonDocument.ParseAsync(request.Body);
            bodies.Add((json.RootElement.GetProperty("userId").GetInt64(), json.RootElement.GetProperty("eventId").GetInt64()));
            return TypedResults.Created("/x", new { status = "booked" });
        });
        await app.StartAsync();
        return app;
    }

    private static async Task<string> RunWrkAsync(int port, params string[] scriptArguments)
    {
        var wrk = WrkRun.Executable() ?? throw new InvalidOperationException("wrk is not installed (apt-get install wrk; .ci/run installs it).");
        var start = new ProcessStartInfo(wrk) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-t2", "-c4", "-d1s", "-s", WrkRun.Script(RepositoryRoot()), $"http://127.0.0.1:{port}", "--" }.Concat(scriptArguments))
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0, await stderr);
        return await stdout;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "bench", "wrk", "hot.lua")))
                return dir.FullName;
        }

        throw new InvalidOperationException("bench/wrk/hot.lua not found above the test's folder.");
    }
}
