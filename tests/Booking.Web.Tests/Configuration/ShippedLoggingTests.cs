using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Booking.Web.Hosting;
using Serilog.Events;
using Serilog.Parsing;

namespace Booking.Web.Tests.Configuration;

/// <summary>
/// The shipped Serilog section (appsettings.json) as the built binary runs it: the booking log and the request log in
/// the rolling JSON file, the lifecycle on the console, and neither per-request line on the console (PerRequestLines).
/// </summary>
public sealed class ShippedLoggingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("eventbooking-shipped-logging-").FullName;

    [Fact]
    public async Task A_booking_is_logged_in_the_file_with_its_request_line_past_the_size_limit_and_the_console_keeps_the_lifecycle_only()
    {
        var port = ServiceBinary.FreePort();
        var logs = Path.Combine(_folder, "logs");
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["PORT"] = port.ToString(CultureInfo.InvariantCulture),
            ["ConnectionStrings__EventStore"] = $"Data Source={Path.Combine(_folder, "eventbooking.db")}",
            ["Serilog__WriteTo__0__Args__configure__1__Args__path"] = Path.Combine(logs, "eventbooking-.log"),
            // The shipped limit is 1 GB a file, about 1.4 million bookings; past it the file rolls over (a file that
            // stops at its limit drops every later line until the next day). A few lines here already fill one.
            ["Serilog__WriteTo__0__Args__configure__1__Args__fileSizeLimitBytes"] = "2048",
        };
        using var process = Process.Start(ServiceBinary.StartInfo(environment, _folder))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            using var client = await ClientAsync(port, process);
            using var initialized = await client.PostAsJsonAsync("/api/events/initialize", new { eventName = "logged", totalTickets = 5 });
            initialized.StatusCode.ShouldBe(HttpStatusCode.Created);
            var id = (await initialized.Content.ReadFromJsonAsync<Dictionary<string, object>>())!["eventId"].ToString();
            using var booked = await client.PostAsJsonAsync("/api/events/book", new { userId = 77, eventId = long.Parse(id!, CultureInfo.InvariantCulture) });
            booked.StatusCode.ShouldBe(HttpStatusCode.Created);
        }
        finally
        {
            using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
                await term.WaitForExitAsync();
            await process.WaitForExitAsync();
        }

        var console = await output + await error;
        var file = string.Join('\n', Directory.EnumerateFiles(logs, "eventbooking-*.log").Select(File.ReadAllText));
        file.ShouldContain("\"@mt\":\"Booked {TicketedEventId} for user {UserId}; {AvailableTickets} left\"");
        file.ShouldContain("\"RequestPath\":\"/api/events/book\"");
        Directory.EnumerateFiles(logs, "eventbooking-*.log").Count().ShouldBeGreaterThan(1, "the file rolled over at its size limit");
        console.ShouldContain("Now listening on");
        console.ShouldNotContain("Booked ");
        console.ShouldNotContain("responded 201");
    }

    [Theory]
    [InlineData("Serilog.AspNetCore.RequestLoggingMiddleware", LogEventLevel.Information, true)]
    [InlineData("Booking.Core.Processing.BookingProcessors", LogEventLevel.Information, true)]
    [InlineData("Booking.Core.Processing.BookingProcessors", LogEventLevel.Debug, true)]
    [InlineData("Booking.Core.Processing.BookingProcessors", LogEventLevel.Warning, false)]
    [InlineData("Serilog.AspNetCore.RequestLoggingMiddleware", LogEventLevel.Error, false)]
    [InlineData("Microsoft.Hosting.Lifetime", LogEventLevel.Information, false)]
    [InlineData("Booking.Web.Hosting.ProcessorsLifetime", LogEventLevel.Information, false)]
    public void IsPerRequest_holds_for_information_lines_of_the_request_log_and_the_processors_only(string source, LogEventLevel level, bool perRequest)
    {
        var line = new LogEvent(DateTimeOffset.UtcNow, level, null, new MessageTemplateParser().Parse("x"),
            [new LogEventProperty("SourceContext", new ScalarValue(source))]);

        PerRequestLines.IsPerRequest(line).ShouldBe(perRequest);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static async Task<HttpClient> ClientAsync(int port, Process process)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:greatbrands")));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            process.HasExited.ShouldBeFalse("the service exited during start-up");
            (DateTime.UtcNow < deadline).ShouldBeTrue("the service did not answer within 60 s");
            try
            {
                using var response = await client.GetAsync(new Uri("/api/events/status/9000000000000", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.NotFound)
                    return client;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }

            await Task.Delay(200);
        }
    }
}
