using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Booking.Web.Hosting.Settings;

/// <summary>
/// Turns a configuration mistake into one line for the operator ("Configuration error: RateLimiting:Window ...") and
/// exit code 2, instead of an unhandled exception's stack trace (exit 134). Any other exception still escapes.
/// </summary>
public static partial class ConfigurationErrors
{
    /// <summary>The exit code of a run refused for its configuration.</summary>
    public const int ExitCode = 2;

    /// <summary>Runs the host; a configuration error found while it starts ends it with one line on stderr and in the log.</summary>
    public static async Task<int> RunOrExplainAsync(this WebApplication app)
    {
        // Validated here first, as the host's start would (ValidateOnStart), so that the host does not log the failure
        // with its stack trace; RunAsync would also dispose the logger before the line could be logged.
        try
        {
            app.Services.GetService<IStartupValidator>()?.Validate();
            await app.StartAsync();
        }
        catch (Exception e) when (Describe(e) is { } line && !InTestServer(app))
        {
            LogRefused(app.Logger, line);
            await app.DisposeAsync();
            await Console.Error.WriteLineAsync(line);
            return ExitCode;
        }

        await app.WaitForShutdownAsync();
        await app.DisposeAsync();
        return 0;
    }

    // Under WebApplicationFactory this runs in the test's process, whose host reports the exception to the test itself.
    private static bool InTestServer(WebApplication app) =>
        app.Services.GetService<Microsoft.AspNetCore.Hosting.Server.IServer>()?.GetType().FullName == "Microsoft.AspNetCore.TestHost.TestServer";

    /// <summary>The operator's line for a configuration error; null for any other exception.</summary>
    public static string? Describe(Exception error) => error switch
    {
        OptionsValidationException invalid => "Configuration error: " + string.Join(" ", invalid.Failures.Select(OneLine)),
        AggregateException several when several.InnerExceptions.Select(Describe).ToList() is var lines && lines.All(l => l is not null) =>
            string.Join(Environment.NewLine, lines),
        InvalidOperationException binding when FailedBinding().Match(binding.Message) is { Success: true } match =>
            $"Configuration error: {match.Groups["key"].Value} must be {Allowed(match.Groups["type"].Value)}.",
        _ => null,
    };

    // The binder's message: "Failed to convert configuration value at 'RateLimiting:Window' to type 'System.TimeSpan'."
    [GeneratedRegex(@"^Failed to convert configuration value (?:'.*' )?at '(?<key>[^']+)' to type '(?<type>[^']+)'")]
    private static partial Regex FailedBinding();

    private static string Allowed(string typeName)
    {
        var type = Type.GetType(typeName) ?? AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetType(typeName)).FirstOrDefault(t => t is not null);
        type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            { IsEnum: true } => "one of " + string.Join(", ", Enum.GetNames(type)),
            _ when type == typeof(TimeSpan) => "a duration as [d.]hh:mm:ss[.fff], e.g. 00:15:00",
            _ when type == typeof(bool) => "true or false",
            _ when type == typeof(int) || type == typeof(long) || type == typeof(uint) => "a whole number",
            _ => $"a value of type {type?.Name ?? typeName}",
        };
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();

    [LoggerMessage(LogLevel.Critical, "{Problem}")]
    private static partial void LogRefused(ILogger logger, string problem);
}
