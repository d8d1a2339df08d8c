using Booking.Web.Api;

namespace Booking.Web.Hosting;

/// <summary>
/// The service's builder. Unless a content root is given (ASPNETCORE_CONTENTROOT, DOTNET_CONTENTROOT, --contentRoot),
/// the application's folder (<see cref="AppContext.BaseDirectory"/>) is both the content root and the working
/// directory, so a binary started from anywhere reads its own appsettings*.json and keeps its relative paths (data/,
/// logs/) there. Under systemd (Type=notify) it reports readiness and stopping, and logs without colours.
/// </summary>
public static class ServiceHost
{
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = EnterAppFolder(args) });
        builder.Host.UseSystemd();
        builder.Services.AddRequestBodyLimit(builder.Configuration).AddTrustedProxies(builder.Configuration).AddDebugCacheSettings(builder.Configuration);
        return builder;
    }

    /// <summary>
    /// Makes the application's folder the working directory and returns it, unless a content root was given (a test
    /// host, an operator's choice): then null, and the host's own rules apply.
    /// </summary>
    public static string? EnterAppFolder(string[] args)
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"))
            || args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase)))
            return null;

        // Relative paths in the settings (Data Source=data/..., logs/...) resolve against the working directory.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        return AppContext.BaseDirectory;
    }
}
