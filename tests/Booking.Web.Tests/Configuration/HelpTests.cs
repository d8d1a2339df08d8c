namespace Booking.Web.Tests.Configuration;

/// <summary><c>Booking.Web --help</c> and <c>help</c> describe the service and list the operator commands; no host starts.</summary>
public sealed class HelpTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("help")]
    [InlineData("-h")]
    public async Task Help_lists_the_service_and_every_operator_command_without_starting(string argument)
    {
        // Production without credentials: a host that started would refuse to, so exit 0 shows none did.
        var environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["ASPNETCORE_ENVIRONMENT"] = "Production" };

        var run = await ServiceBinary.RunAsync(environment, Path.GetTempPath(), TimeSpan.FromSeconds(60), argument);

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldContain("Without a command, runs the HTTP service");
        foreach (var command in new[] { "migrate", "replay", "audit", "projections" })
            run.Output.ShouldContain($"  {command}");
        run.Error.ShouldBeEmpty();
    }
}
