using System.Reflection;
using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Booking.Web.Dashboard;

/// <summary>
/// The dashboard's three files, embedded in the assembly (see Booking.Web.csproj) so that they are found whatever the
/// current or content directory, and read once. Each carries a strong ETag of its content for If-None-Match.
/// </summary>
internal sealed record DashboardAsset(string Name, string ContentType, byte[] Content, EntityTagHeaderValue ETag)
{
    public static readonly DashboardAsset Html = Load("dashboard.html", "text/html; charset=utf-8");
    public static readonly DashboardAsset Script = Load("dashboard.js", "text/javascript; charset=utf-8");
    public static readonly DashboardAsset Styles = Load("dashboard.css", "text/css; charset=utf-8");

    private static DashboardAsset Load(string name, string contentType)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Dashboard.{name}")
            ?? throw new InvalidOperationException($"The dashboard asset '{name}' is not embedded in {Assembly.GetExecutingAssembly().GetName().Name}.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var content = buffer.ToArray();
        var hash = Convert.ToHexStringLower(SHA256.HashData(content).AsSpan(0, 12));
        return new(name, contentType, content, new EntityTagHeaderValue($"\"{hash}\""));
    }
}
