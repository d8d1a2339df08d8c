using System.Net.Http.Headers;
using OpenQA.Selenium.Chrome;

namespace Booking.Web.Tests.Dashboard;

/// <summary>
/// Debian's Chromium and ChromeDriver (<c>apt-get install chromium chromium-driver</c>), headless and fit for root in
/// a container. Missing packages fail the test with the command that installs them: a browser test that skips would
/// let a broken dashboard pass CI.
/// </summary>
public static class HeadlessChromium
{
    public const string Browser = "/usr/bin/chromium";
    public const string Driver = "/usr/bin/chromedriver";

    /// <summary>
    /// Starts a browser that sends <paramref name="authorization"/> with every request, the page's own fetches
    /// included: Chrome ignores credentials in the address for those, and its sign-in prompt cannot be driven.
    /// </summary>
    public static ChromeDriver Start(AuthenticationHeaderValue authorization) => Start(authorization, Browser, Driver);

    internal static ChromeDriver Start(AuthenticationHeaderValue authorization, string browser, string driver)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        string[] missing = [.. new[] { browser, driver }.Where(path => !File.Exists(path))];
        if (missing.Length > 0)
        {
            throw new InvalidOperationException(
                $"The dashboard's browser test needs {string.Join(" and ", missing)}: apt-get install -y chromium chromium-driver (test.sh and .ci/run install them).");
        }

        // The driver is named explicitly so that Selenium Manager never tries to download one (the CI machine is offline).
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(driver)!, Path.GetFileName(driver));
        service.SuppressInitialDiagnosticInformation = true;
        var options = new ChromeOptions { BinaryLocation = browser };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000", "--no-first-run", "--lang=en-GB");
        var chrome = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        try
        {
            chrome.ExecuteCdpCommand("Network.enable", []);
            chrome.ExecuteCdpCommand("Network.setExtraHTTPHeaders", new() { ["headers"] = new Dictionary<string, object> { ["Authorization"] = authorization.ToString() } });
            return chrome;
        }
        catch
        {
            chrome.Dispose();
            throw;
        }
    }
}
