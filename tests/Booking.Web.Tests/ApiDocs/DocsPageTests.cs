using System.Net;
using Booking.Web.Tests.Hosting;

namespace Booking.Web.Tests.ApiDocs;

/// <summary>The Scalar page at /docs: served by the app itself (no CDN), on the app's own document.</summary>
public sealed class DocsPageTests(SqliteSharedHost shared) : IClassFixture<SqliteSharedHost>
{
    [Fact]
    public async Task Docs_page_loads_its_script_from_the_app_and_points_at_the_document()
    {
        var http = shared.Client.Http;

        using var page = await http.GetAsync("/docs");
        var html = await page.Content.ReadAsStringAsync();

        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Content.Headers.ContentType?.MediaType.ShouldBe("text/html");
        html.ShouldContain("<script src=\"scalar.js\"></script>");
        // Relative to the page's base (/docs/ minus the page prefix): /openapi/v1.json.
        html.ShouldContain("\"url\":\"openapi/v1.json\"");
        html.ShouldNotContain("https://");
        html.ShouldNotContain("http://");

        using var script = await http.GetAsync("/docs/scalar.js");
        script.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await script.Content.ReadAsByteArrayAsync()).Length.ShouldBeGreaterThan(100_000);
        using var document = await http.GetAsync("/openapi/v1.json");
        document.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
