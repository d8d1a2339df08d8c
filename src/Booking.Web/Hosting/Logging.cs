using Booking.Web.Hosting.Settings;
using Serilog;

namespace Booking.Web.Hosting;

/// <summary>Serilog from the "Serilog" configuration section: console plus rolling JSON files under logs/.</summary>
public static class Logging
{
    /// <remarks>
    /// The host keeps its logger to itself (preserveStaticLogger): otherwise its ILogger&lt;T&gt; writes through the
    /// static Log.Logger, and in a process with several hosts (the tests) a processor's lines land in whichever host
    /// was built last.
    /// </remarks>
    public static WebApplicationBuilder AddStructuredLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog(
            (services, logger) => logger
                .ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext(),
            preserveStaticLogger: true);
        builder.Services.CacheLoggersByCategory();
        return builder;
    }

    /// <summary>
    /// Wraps the ILoggerFactory that AddSerilog registers so that each category's logger is made once. Serilog's
    /// factory makes a new logger on every call (with its own caches), and ASP.NET Core asks for one on every request:
    /// each result (Created, Ok) and each authentication handler, which is made per request.
    /// </summary>
    private static void CacheLoggersByCategory(this IServiceCollection services)
    {
        var serilog = services.Last(d => d.ServiceType == typeof(ILoggerFactory));
        var make = serilog.ImplementationFactory ?? throw new InvalidOperationException("AddSerilog registers its ILoggerFactory through a factory.");
        services.Remove(serilog);
        services.AddSingleton<ILoggerFactory>(sp => new CachingLoggerFactory((ILoggerFactory)make(sp)));
    }

    /// <summary>
    /// One line per request. It wraps the exception handler, so it logs the status the client got (a database
    /// failure is a 503, not the 500 an escaping exception would suggest), and it writes through this host's logger
    /// rather than the static Log.Logger, which belongs to whichever host in the process was built last.
    /// </summary>
    public static WebApplication UseRequestLogging(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<Serilog.ILogger>();
        app.UseSerilogRequestLogging(options => options.Logger = logger);
        return app;
    }

    /// <summary>PORT (the seed's variable, default 3000) when no URLs are configured otherwise (<see cref="ListeningOptions"/>).</summary>
    public static WebApplicationBuilder UsePortFromEnvironment(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<ListeningOptions>(builder.Configuration, section: string.Empty, o => o.Problem());
        var listening = builder.Configuration.ReadAtRegistration<ListeningOptions>(string.Empty);
        if (!listening.HasUrls)
            builder.WebHost.UseUrls($"http://0.0.0.0:{listening.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        return builder;
    }
}
