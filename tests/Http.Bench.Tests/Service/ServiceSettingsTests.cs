using Http.Bench.Service;

namespace Http.Bench.Tests.Service;

public class ServiceSettingsTests
{
    [Fact]
    public void Environment_by_default_leaves_logging_to_appsettings_and_keeps_the_rate_limiter_on_with_a_limit_that_never_binds()
    {
        var environment = new ServiceSettings("Server=x", "secret", ServiceSettings.DefaultBatchSize, null, new Dictionary<string, string>()).Environment();

        environment.Keys.ShouldNotContain("Serilog__MinimumLevel__Default");
        environment.Keys.ShouldNotContain("RateLimiting__Enabled");
        environment.Keys.ShouldNotContain("Processing__MaxBatchSize");
        environment["RateLimiting__PermitLimit"].ShouldBe("1000000000");
        environment["ASPNETCORE_ENVIRONMENT"].ShouldBe("Production");
        ServiceSettings.LogLabel(null).ShouldBe("shipped (Information)");
    }

    [Fact]
    public void Environment_with_a_level_sets_serilogs_default_and_extra_variables_win()
    {
        var environment = new ServiceSettings("Server=x", "secret", 1, "Warning", new Dictionary<string, string> { ["RateLimiting__Enabled"] = "false" }).Environment();

        environment["Serilog__MinimumLevel__Default"].ShouldBe("Warning");
        environment["Processing__MaxBatchSize"].ShouldBe("1");
        environment["RateLimiting__Enabled"].ShouldBe("false");
        ServiceSettings.LogsBookings("Warning").ShouldBeFalse();
        ServiceSettings.LogsBookings(null).ShouldBeTrue();
    }
}
