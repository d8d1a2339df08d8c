using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Booking.Web.Tests.Configuration;

/// <summary>
/// The built binary started from an unrelated working directory, as a process manager or a shell elsewhere would:
/// it still reads its own appsettings*.json and writes its logs under its own folder, and nothing lands in the
/// working directory.
/// </summary>
public sealed class WorkingDirectoryTests : IDisposable
{
    private readonly string _elsewhere = Directory.CreateTempSubdirectory("eventbooking-cwd-").FullName;
    private readonly string _data = Directory.CreateTempSubdirectory("eventbooking-cwd-data-").FullName;

    [Fact]
    public async Task Start_from_another_folder_reads_the_app_folder_settings_and_logs_there()
    {
        var port = ServiceBinary.FreePort();
        var started = DateTime.UtcNow.AddSeconds(-2);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["PORT"] = port.ToString(CultureInfo.InvariantCulture),
            ["ConnectionStrings__EventStore"] = $"Data Source={Path.Combine(_data, "eventbooking.db")}",
        };
        using var process = Process.Start(ServiceBinary.StartInfo(environment, _elsewhere))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            // admin / greatbrands exist only in appsettings.Development.json beside the dll.
            (await StatusOfUnknownEventAsync(port, process)).ShouldBe(HttpStatusCode.NotFound);
        }
        finally
        {
            using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
                await term.WaitForExitAsync();
            await process.WaitForExitAsync();
        }

        (await output + await error).ShouldNotContain("Exception");
        Directory.EnumerateFileSystemEntries(_elsewhere).ShouldBeEmpty();
        Directory.EnumerateFiles(Path.Combine(ServiceBinary.Folder, "logs"), "eventbooking-*.log")
            .ShouldContain(f => File.GetLastWriteTimeUtc(f) >= started);
    }

    public void Dispose()
    {
        Directory.Delete(_elsewhere, recursive: true);
        Directory.Delete(_data, recursive: true);
    }

    private static async Task<HttpStatusCode> StatusOfUnknownEventAsync(int port, Process process)
    {
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:greatbrands")));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            process.HasExited.ShouldBeFalse("the service exited during start-up");
            try
            {
                using var response = await client.GetAsync(new Uri("/api/events/status/9000000000000", UriKind.Relative));
                return response.StatusCode;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }
}
