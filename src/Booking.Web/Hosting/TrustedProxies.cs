using System.Net;
using Booking.Web.Hosting.Settings;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Booking.Web.Hosting;

/// <summary>
/// X-Forwarded-For is believed only from the proxies listed in ForwardedHeaders:KnownProxies. With none listed
/// the header is ignored, so a client cannot spoof its address to dodge the rate limit.
/// </summary>
public static class TrustedProxies
{
    /// <summary>Binds and validates ForwardedHeaders (<see cref="TrustedProxyOptions"/>) into the middleware's options.</summary>
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<TrustedProxyOptions>(configuration, TrustedProxyOptions.Section, o => o.Problem());
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<TrustedProxyOptions>>((options, trusted) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownIPNetworks.Clear();
            options.KnownProxies.Clear();
            foreach (var proxy in trusted.Value.KnownProxies)
                options.KnownProxies.Add(IPAddress.Parse(proxy));
        });
        return services;
    }

    public static IApplicationBuilder UseTrustedForwardedHeaders(this IApplicationBuilder app, IConfiguration configuration) =>
        // The middleware reads its (validated) options when the pipeline is built at start-up.
        configuration.ReadAtRegistration<TrustedProxyOptions>(TrustedProxyOptions.Section).KnownProxies.Length > 0 ? app.UseForwardedHeaders() : app;
}
