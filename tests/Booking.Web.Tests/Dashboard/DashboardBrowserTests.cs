using System.Collections.ObjectModel;
using Booking.Web.Tests.Hosting;
using Booking.Web.Tests.Reliability;
using EventBooking.Migrations;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;
using Xunit.Abstractions;

namespace Booking.Web.Tests.Dashboard;

/// <summary>
/// The dashboard in a real headless Chromium against the service on a real Kestrel port (SQLite), with the per-IP
/// limit on: the page loads, shows events made through the API, and follows bookings without a reload.
/// </summary>
public sealed class DashboardBrowserTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Dashboard_in_a_browser_shows_events_made_through_the_api_and_follows_bookings_without_a_reload()
    {
        // The limit is on, as in Production: the dashboard's polling must not spend the API's budget.
        await using var server = await KestrelHost.StartAsync(
            new Dictionary<string, string?> { ["RateLimiting:Enabled"] = "true", ["RateLimiting:PermitLimit"] = "20", ["RateLimiting:Window"] = "00:15:00" },
            provider: StoreProvider.Sqlite);
        var api = new BookingClient(server.Http);
        var jazz = await api.NewEventAsync(120, "Jazz night");
        for (var user = 1; user <= 5; user++)
            await api.BookedAsync(user, jazz);
        var concert = await api.NewEventAsync(4, "Spring concert");
        await api.BookedAsync(101, concert);
        await api.BookedAsync(102, concert);

        using var browser = HeadlessChromium.Start(BookingClient.Credentials());
        browser.Navigate().GoToUrl(new Uri(server.Http.BaseAddress!, "/dashboard?refresh=1"));
        // The page re-renders its tables every second (refresh=1): an element found may be replaced before it is
        // read or clicked, so every look at a table is a wait that tries again on a stale element.
        var wait = new WebDriverWait(browser, Patience);
        wait.IgnoreExceptionTypes(typeof(StaleElementReferenceException));

        browser.Title.ShouldBe("Event booking: operator dashboard");
        wait.Until(_ => Field(browser, jazz, "available") == "115").ShouldBeTrue();
        wait.Until(_ => Field(browser, concert, "name") == "Spring concert" && Field(browser, concert, "available") == "2").ShouldBeTrue();
        wait.Until(_ =>
        {
            browser.FindElement(By.CssSelector($"#events tr[data-event-id='{concert}'] a")).Click();
            return true;
        });
        wait.Until(_ => BookingRows(browser).Count == 2).ShouldBeTrue();
        new Uri(browser.Url).Fragment.ShouldBe($"#event={concert}");
        browser.ExecuteScript("window.loadedOnce = 'still here';");

        for (var user = 103; user <= 106; user++)
            await api.BookAsync(user, concert);

        wait.Until(_ => Field(browser, concert, "available") == "0" && Field(browser, concert, "waiting") == "2").ShouldBeTrue();
        wait.Until(_ => BookingRows(browser).Count == 6).ShouldBeTrue();
        wait.Until(_ => BookingRows(browser)[^1].FindElement(By.CssSelector("[data-field=status]")).Text == "waiting").ShouldBeTrue();
        wait.Until(_ => browser.FindElement(By.CssSelector("#history tbody tr [data-field=type]")).Text == "waitlist-joined").ShouldBeTrue();
        browser.FindElement(By.Id("detail-heading")).Text.ShouldBe($"Spring concert (event {concert})");
        browser.ExecuteScript("return window.loadedOnce;").ShouldBe("still here", "the page updated itself; it was not reloaded");
        browser.FindElement(By.Id("error")).Displayed.ShouldBeFalse();

        var screenshot = Path.Combine(AppContext.BaseDirectory, "screenshots", "dashboard.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        browser.GetScreenshot().SaveAsFile(screenshot);
        output.WriteLine($"Screenshot: {screenshot}");
    }

    [Fact]
    public void Browser_start_without_chromium_installed_fails_naming_the_packages_to_install()
    {
        var nowhere = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"));

        var failure = Should.Throw<InvalidOperationException>(
            () => HeadlessChromium.Start(BookingClient.Credentials(), Path.Combine(nowhere, "chromium"), HeadlessChromium.Driver));

        failure.Message.ShouldContain("apt-get install -y chromium chromium-driver");
        failure.Message.ShouldContain(Path.Combine(nowhere, "chromium"));
    }

    private static string? Field(ChromeDriver browser, long eventId, string field)
    {
        var cells = browser.FindElements(By.CssSelector($"#events tr[data-event-id='{eventId}'] [data-field='{field}']"));
        return cells.Count == 1 ? cells[0].Text : null;
    }

    private static ReadOnlyCollection<IWebElement> BookingRows(ChromeDriver browser) => browser.FindElements(By.CssSelector("#bookings tbody tr"));
}
