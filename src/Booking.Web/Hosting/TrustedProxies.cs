using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Booking.Web.Hosting;

/// <summary>
/// X-Forwarded-For is believed only from the proxies listed in ForwardedHeaders:KnownProxies. With none listed
/// the header is ignored, so a client cannot spoof its address to dodge the rate limit.
/// </summary>
public static class TrustedProxies
{
    public static IApplicationBuilder UseTrustedForwardedHeaders(this IApplicationBuilder app, IConfiguration configuration)
    {
        var proxies = configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [];
        if (proxies.Length == 0)
            return app;

        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        options.KnownIPNetworks.Clear();
        options.KnownProxies.Clear();
        foreach (var proxy in proxies)
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        return app.UseForwardedHeaders(options);
    }
}
