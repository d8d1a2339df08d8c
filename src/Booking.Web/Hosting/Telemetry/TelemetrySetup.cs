using Booking.Core.Telemetry;
using Booking.Web.Hosting.Settings;
using Booking.Web.Security;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Booking.Web.Hosting.Telemetry;

/// <summary>
/// OpenTelemetry: the domain meter ("EventBooking"), ASP.NET Core's, the runtime's and MySqlConnector's, scraped by
/// Prometheus at GET /metrics; traces (ASP.NET Core, MySqlConnector, the processors' batches) only when an OTLP
/// endpoint is configured, so a service without a collector creates no sampled activities and exports nothing.
/// </summary>
public static class TelemetrySetup
{
    public const string MetricsPath = "/metrics";

    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<TelemetryOptions>(builder.Configuration, TelemetryOptions.Section, o => o.Problem());
        // Registration has to know the switches; a value that does not convert reads as the defaults here.
        var options = builder.Configuration.ReadAtRegistration<TelemetryOptions>(TelemetryOptions.Section);
        var standard = builder.Configuration.ReadAtRegistration<OtelVariables>(section: string.Empty);
        var endpoint = options.Otlp.Endpoint is { Length: > 0 } configured ? configured : standard.ExporterEndpoint;

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(standard.ServiceName ?? "eventbooking"));
        if (options.Metrics.Enabled)
            telemetry.WithMetrics(metrics => metrics.AddBookingMeters(options.Metrics.Http).AddPrometheusExporter());
        if (!string.IsNullOrWhiteSpace(endpoint))
        {
            telemetry.WithTracing(tracing => tracing.AddBookingSources().AddOtlpExporter(otlp =>
            {
                if (options.Otlp.Endpoint is { Length: > 0 } own)
                    otlp.Endpoint = new Uri(own);
            }));
        }

        return builder;
    }

    public static MeterProviderBuilder AddBookingMeters(this MeterProviderBuilder metrics, bool http = true)
    {
        metrics.AddMeter(BookingMetrics.MeterName, "MySqlConnector").AddRuntimeInstrumentation();
        // The request duration and active requests (hosting) and the connections (Kestrel) only: routing's, the rate
        // limiter's and the other per-request ASP.NET Core meters cost every request more and say little here.
        return http ? metrics.AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel") : metrics;
    }

    /// <summary>The activity sources a trace of this service is made of (tests add an in-memory exporter to the same).</summary>
    public static TracerProviderBuilder AddBookingSources(this TracerProviderBuilder tracing) => tracing
        .AddAspNetCoreInstrumentation(aspNet => aspNet.Filter = context => !context.Request.Path.StartsWithSegments(MetricsPath, StringComparison.Ordinal))
        .AddSource(BookingTracing.SourceName, "MySqlConnector");

    /// <summary>
    /// GET /metrics in Prometheus text, when Telemetry:Metrics:Enabled. It sits outside /api, so neither the rate limiter
    /// nor the readiness gate touches it: a scrape still answers while the database is down.
    /// </summary>
    public static WebApplication MapMetricsEndpoint(this WebApplication app)
    {
        var options = app.Configuration.ReadAtRegistration<TelemetryOptions>(TelemetryOptions.Section);
        if (!options.Metrics.Enabled)
            return app;
        var endpoint = app.MapPrometheusScrapingEndpoint(MetricsPath);
        if (options.Metrics.RequireAdmin)
            endpoint.RequireAuthorization(BasicAuthentication.AdminPolicy);
        return app;
    }
}
