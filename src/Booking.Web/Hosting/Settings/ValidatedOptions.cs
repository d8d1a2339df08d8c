using Microsoft.Extensions.Options;

namespace Booking.Web.Hosting.Settings;

/// <summary>
/// One options type per configuration section, bound and validated once, before the host listens: a bad value stops
/// start-up with the problem's own sentence (naming the key and what it may be) instead of failing the first request.
/// </summary>
public static class ValidatedOptions
{
    /// <summary>
    /// <c>AddOptions&lt;T&gt;().Bind(section)</c>, validated by <paramref name="problem"/> (null when usable) when the host
    /// starts (<c>ValidateOnStart</c>). A value the binder cannot convert fails there too.
    /// </summary>
    public static OptionsBuilder<T> AddValidatedOptions<T>(this IServiceCollection services, IConfiguration configuration, string section, Func<T, string?> problem)
        where T : class
    {
        var builder = services.AddOptions<T>().Bind(configuration.GetSection(section));
        services.AddSingleton<IValidateOptions<T>>(new ProblemValidator<T>(builder.Name, problem));
        return builder.ValidateOnStart();
    }

    private sealed class ProblemValidator<T>(string name, Func<T, string?> problem) : IValidateOptions<T>
        where T : class
    {
        public ValidateOptionsResult Validate(string? optionsName, T options) =>
            optionsName != name ? ValidateOptionsResult.Skip
            : problem(options) is { } text ? ValidateOptionsResult.Fail(text)
            : ValidateOptionsResult.Success;
    }
}
