using System.Collections.Concurrent;
using System.Net;
using Booking.Web.Tests.Hosting;
using EventBooking.Migrations;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace Booking.Web.Tests.Bugs;

/// <summary>
/// Found by the database-faults suite: the request log sat inside the exception handler, so it saw the store's
/// exception pass by and logged "responded 500" for every request the client got as a 503 while the database was
/// down: the operators' log disagreed with what clients saw. The request log now wraps the exception handler, and it
/// writes through the host's own logger: through the static Log.Logger it landed in whichever host was built last.
/// </summary>
public sealed class RequestLogSaid500ForA503
{
    [Fact]
    public async Task Book_when_the_database_fails_is_logged_with_the_503_the_client_got()
    {
        await using var database = await TestDatabase.CreateAsync(StoreProvider.Sqlite);
        await using var host = new BookingHost(database);
        var requests = new RequestLog();
        var client = new BookingClient(host.WithWebHostBuilder(b => b.ConfigureTestServices(s => s
            .AddSingleton<ILogEventSink>(requests)
            .AddSingleton(FailingStore.Throwing(() => new SqliteException("disk I/O error", 10))))).CreateClient());

        using var response = await client.BookAsync(1, BookingClient.UnknownEventId);

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var logged = requests.Completed.ShouldHaveSingleItem();
        logged.Properties["StatusCode"].ToString().ShouldBe("503");
    }

    private sealed class RequestLog : ILogEventSink
    {
        private readonly ConcurrentQueue<LogEvent> _completed = new();

        public IReadOnlyList<LogEvent> Completed => [.. _completed];

        public void Emit(LogEvent logEvent)
        {
            if (logEvent.Properties.TryGetValue("SourceContext", out var source) && source.ToString().Contains("RequestLoggingMiddleware", StringComparison.Ordinal))
                _completed.Enqueue(logEvent);
        }
    }
}
