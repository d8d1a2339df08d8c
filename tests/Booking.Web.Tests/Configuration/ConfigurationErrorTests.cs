using Booking.Web.Hosting.Settings;

namespace Booking.Web.Tests.Configuration;

/// <summary>
/// Each mistake an operator was seen making: the real binary stops before listening, with exit code 2 and one line on
/// stderr that names the key (and what it may be), and no stack trace anywhere.
/// </summary>
public sealed class ConfigurationErrorTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly string _folder = Directory.CreateTempSubdirectory("eventbooking-config-").FullName;

    public static TheoryData<string, string, string> Mistakes => new()
    {
        { "EventStore__Provider=Mongo", "EventStore:Provider", "Sqlite, MySql" },
        { "EventStore__Provider=7", "EventStore:Provider", "Sqlite, MySql" },
        { "EventStore__Provider=MySql", "EventStore:Provider is MySql but neither ConnectionStrings:EventStore nor DB_HOST", "" },
        { "EventStore__Provider=MySql|ConnectionStrings__EventStore=Server=127.0.0.1;User ID=root", "ConnectionStrings:EventStore names no database", "Database=" },
        { "EventStore__MigrationRetryMaxDelay=0", "EventStore:MigrationRetryMaxDelay", "above zero" },
        { "EventStore__MySql__Topology=Cluster", "EventStore:MySql:Topology", "Detect, SingleServer, Galera" },
        { "EventStore__MySql__KeepCommitConnectionFor=-00:00:01", "EventStore:MySql:KeepCommitConnectionFor", "zero or more" },
        { "RateLimiting__Window=banana", "RateLimiting:Window", "00:15:00" },
        { "RateLimiting__PermitLimit=0", "RateLimiting:PermitLimit", "at least 1" },
        { "RateLimiting__Enabled=maybe", "RateLimiting:Enabled", "true or false" },
        { "ASPNETCORE_ENVIRONMENT=Production", "Auth:Username and Auth:Password must be configured", "" },
        { "ASPNETCORE_ENVIRONMENT=Production|Auth__Username=ops|Auth__Password=", "Auth:Username and Auth:Password must be configured", "" },
        { "Auth__Username=ops:admin", "Auth:Username must not contain a colon", "" },
        { "Auth__Users__Mode=Jwt", "Auth:Users:Issuer is required", "" },
        { "Auth__Users__Mode=Jwt|Auth__Users__Issuer=https://id|Auth__Users__Audience=eb|Auth__Users__SigningKey=short", "Auth:Users:SigningKey", "32 bytes" },
        { "Auth__Users__Mode=Oauth", "Auth:Users:Mode", "Anonymous, Jwt" },
        { "Processing__MaxBatchSize=0", "Processing:MaxBatchSize", "at least 1" },
        { "Processing__QueueCapacity=-5", "Processing:QueueCapacity", "at least 1" },
        { "Processing__IdleTimeout=soon", "Processing:IdleTimeout", "hh:mm:ss" },
        { "Processing__WarmUpCount=many", "Processing:WarmUpCount", "whole number" },
        { "RequestLimits__MaxBodyBytes=0", "RequestLimits:MaxBodyBytes", "at least 1" },
        { "ForwardedHeaders__KnownProxies__0=proxy.local", "ForwardedHeaders:KnownProxies", "IP addresses" },
        { "DebugCache__Enabled=yes", "DebugCache:Enabled", "true or false" },
        { "Telemetry__Metrics__Enabled=banana", "Telemetry:Metrics:Enabled", "true or false" },
        { "Telemetry__Otlp__Endpoint=not a uri", "Telemetry:Otlp:Endpoint", "absolute URI" },
        { "Webhooks__MaxAttempts=0", "Webhooks:MaxAttempts", "from 1 to 100" },
        { "Webhooks__LeaseDuration=banana", "Webhooks:LeaseDuration", "hh:mm:ss" },
        { "Webhooks__MaxRetryDelay=00:00:00.010", "Webhooks:MaxRetryDelay", "at least Webhooks:FirstRetryDelay" },
        { "PORT=banana", "PORT", "whole number" },
        { "PORT=70000", "PORT", "0 to 65535" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public async Task Start_with_a_configuration_mistake_exits_2_with_one_line_naming_the_key(string settings, string key, string allowed)
    {
        var run = await ServiceBinary.RunAsync(Environment(settings), _folder, Timeout);

        ShouldBeOneLine(run, key, allowed);
    }

    [Theory]
    [InlineData("EventStore__Provider=Mongo", "EventStore:Provider", "migrate")]
    [InlineData("EventStore__Provider=MySql|ConnectionStrings__EventStore=Server=127.0.0.1;User ID=root", "names no database", "audit", "--all")]
    [InlineData("EventStore__MigrateOnStartup=sometimes", "EventStore:MigrateOnStartup", "projections", "rebuild")]
    public async Task Operator_command_with_a_configuration_mistake_exits_2_with_one_line_naming_the_key(string settings, string key, params string[] command)
    {
        var run = await ServiceBinary.RunAsync(Environment(settings), _folder, Timeout, command);

        ShouldBeOneLine(run, key, string.Empty);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static void ShouldBeOneLine(ServiceBinary.Run run, string key, string allowed)
    {
        run.ExitCode.ShouldBe(ConfigurationErrors.ExitCode, $"stdout: {run.Output}\nstderr: {run.Error}");
        var line = run.ErrorLines.ShouldHaveSingleItem();
        line.ShouldStartWith("Configuration error: ");
        line.ShouldContain(key);
        line.ShouldContain(allowed);
        (run.Output + run.Error).ShouldNotContain("   at ");
        (run.Output + run.Error).ShouldNotContain("Exception");
    }

    // KEY=value pairs separated by '|' (a connection string holds ';'). Development unless the case says otherwise, so
    // that only the case's own mistake is wrong.
    private static Dictionary<string, string> Environment(string settings)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["ASPNETCORE_ENVIRONMENT"] = "Development", ["PORT"] = "0" };
        foreach (var pair in settings.Split('|'))
        {
            var at = pair.IndexOf('=', StringComparison.Ordinal);
            environment[pair[..at]] = pair[(at + 1)..];
        }

        return environment;
    }
}
