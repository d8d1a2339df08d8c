using System.Globalization;

namespace Http.Bench.Service;

/// <summary>How one scenario configures the service, as environment variables (the service's documented keys).</summary>
internal sealed record ServiceSettings(
    string ConnectionString, string Password, int MaxBatchSize, string LogLevel, IReadOnlyDictionary<string, string> Extra)
{
    public const string Username = "bench";

    /// <summary>The batching default of appsettings.json, left alone unless a scenario switches batching off.</summary>
    public const int DefaultBatchSize = 0;

    /// <summary>The variables; PORT is chosen by <see cref="EventBooking.Testing.Processes.ServiceProcess"/>.</summary>
    public Dictionary<string, string> Environment()
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["EventStore__Provider"] = "MySql",
            ["ConnectionStrings__EventStore"] = ConnectionString,
            ["Auth__Username"] = Username,
            ["Auth__Password"] = Password,
            ["RateLimiting__Enabled"] = "false",
            ["Serilog__MinimumLevel__Default"] = LogLevel,
        };
        if (MaxBatchSize != DefaultBatchSize)
            environment["Processing__MaxBatchSize"] = MaxBatchSize.ToString(CultureInfo.InvariantCulture);
        foreach (var (key, value) in Extra)
            environment[key] = value;
        return environment;
    }
}
