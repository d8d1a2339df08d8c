namespace Booking.Web.Hosting.Telemetry;

/// <summary>The "Telemetry" configuration section.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    public MetricsOptions Metrics { get; init; } = new();

    public OtlpOptions Otlp { get; init; } = new();

    public string? Problem() => Otlp.Endpoint is null or "" || Uri.TryCreate(Otlp.Endpoint, UriKind.Absolute, out _)
        ? null
        : $"{Section}:Otlp:Endpoint must be an absolute URI, e.g. http://otel-collector:4317.";

    /// <summary>Telemetry:Metrics: the Prometheus scrape endpoint GET /metrics.</summary>
    public sealed class MetricsOptions
    {
        /// <summary>Off: no meter provider at all, /metrics answers 404.</summary>
        public bool Enabled { get; init; } = true;

        /// <summary>On: /metrics asks for the operator's Basic credentials (Auth:Username/Password), like the status route.</summary>
        public bool RequireAdmin { get; init; }

        /// <summary>
        /// Off: ASP.NET Core's and Kestrel's own meters (http.server.request.duration, connections) are not collected;
        /// the domain, runtime and MySqlConnector meters still are. Recording them costs every request some work.
        /// </summary>
        public bool Http { get; init; } = true;
    }

    /// <summary>Telemetry:Otlp: where traces go. Without an endpoint (here or in OTEL_EXPORTER_OTLP_ENDPOINT) no trace is exported.</summary>
    public sealed class OtlpOptions
    {
        public string? Endpoint { get; init; }
    }
}

/// <summary>The OpenTelemetry specification's own variables the service reads (keys at the top of the configuration).</summary>
public sealed class OtelVariables
{
    /// <summary>Where traces go when Telemetry:Otlp:Endpoint is not set.</summary>
    [ConfigurationKeyName("OTEL_EXPORTER_OTLP_ENDPOINT")]
    public string? ExporterEndpoint { get; set; }

    [ConfigurationKeyName("OTEL_SERVICE_NAME")]
    public string? ServiceName { get; set; }
}
