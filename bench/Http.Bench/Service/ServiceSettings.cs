using System.Globalization;

namespace Http.Bench.Service;

/// <summary>
/// How one scenario configures the service, as environment variables (the service's documented keys). What is not
/// set here comes from src/Booking.Web/appsettings.json as shipped: logging (Information, console and file, behind
/// Serilog's async buffer), metrics, rate limiting on /api/events. The one deviation is the rate limit's size (<see
/// cref="NeverBindingPermitLimit"/>); the store, credentials and port are what any operator must supply.
/// </summary>
internal sealed record ServiceSettings(
    string ConnectionString, string Password, int MaxBatchSize, string? LogLevel, IReadOnlyDictionary<string, string> Extra)
{
    public const string Username = "bench";

    /// <summary>The batching default of appsettings.json, left alone unless a scenario switches batching off.</summary>
    public const int DefaultBatchSize = 0;

    /// <summary>
    /// The shipped limit is 5 requests per 15 minutes per client address, and every request of the bench comes from
    /// 127.0.0.1. The limiter stays on, with its shipped window and routes, so its cost is measured; only its permit
    /// count is raised so far above any run's request count that it never refuses one.
    /// </summary>
    public const int NeverBindingPermitLimit = 1_000_000_000;

    /// <summary>The report's name for the logging a run had: the shipped one unless --log-level or the scenario set it.</summary>
    public static string LogLabel(string? level) => level ?? "shipped (Information)";

    /// <summary>Whether a service at this level writes the "Booked ..." line (Information) for every booking.</summary>
    public static bool LogsBookings(string? level) => level is null or "Information" or "Debug" or "Verbose";

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
            ["RateLimiting__PermitLimit"] = NeverBindingPermitLimit.ToString(CultureInfo.InvariantCulture),
        };
        if (LogLevel is not null)
            environment["Serilog__MinimumLevel__Default"] = LogLevel;
        if (MaxBatchSize != DefaultBatchSize)
            environment["Processing__MaxBatchSize"] = MaxBatchSize.ToString(CultureInfo.InvariantCulture);
        foreach (var (key, value) in Extra)
            environment[key] = value;
        return environment;
    }
}
