using Microsoft.Extensions.Options;

namespace Booking.Web.Hosting.Settings;

/// <summary>
/// One options type per configuration section, bound and validated once, before the host listens: a bad value stops
/// start-up with the problem's own sentence (naming the key and what it may be) instead of failing the first request.
/// </summary>
public static class ValidatedOptions
{
    /// <summary>
    /// <c>AddOptions&lt;T&gt;().Bind(section)</c> (the whole configuration when <paramref name="section"/> is empty), validated by <paramref name="problem"/> (null when usable) when the host
    /// starts (<c>ValidateOnStart</c>). A value the binder cannot convert fails there too.
    /// </summary>
    public static OptionsBuilder<T> AddValidatedOptions<T>(this IServiceCollection services, IConfiguration configuration, string section, Func<T, string?> problem)
        where T : class
    {
        var builder = services.AddOptions<T>().Bind(Section(configuration, section));
        services.AddSingleton<IValidateOptions<T>>(new ProblemValidator<T>(builder.Name, problem));
        return builder.ValidateOnStart();
    }

    /// <summary>
    /// The section as registration and endpoint mapping need it, before it is validated (whether to add a scheme, map a
    /// route, listen on a port). A value the binder cannot convert reads as the defaults here, never as a stack trace:
    /// the options added by <see cref="AddValidatedOptions{T}"/> then stop start-up with one line naming the key.
    /// </summary>
    public static T ReadAtRegistration<T>(this IConfiguration configuration, string section)
        where T : class, new()
    {
        ArgumentNullException.ThrowIfNull(configuration);
        try
        {
            return Section(configuration, section).Get<T>() ?? new();
        }
        catch (InvalidOperationException)
        {
            return new();
        }
    }

    private static IConfiguration Section(IConfiguration configuration, string section) =>
        section.Length == 0 ? configuration : configuration.GetSection(section);

    private sealed class ProblemValidator<T>(string name, Func<T, string?> problem) : IValidateOptions<T>
        where T : class
    {
        public ValidateOptionsResult Validate(string? optionsName, T options) =>
            optionsName != name ? ValidateOptionsResult.Skip
            : problem(options) is { } text ? ValidateOptionsResult.Fail(text)
            : ValidateOptionsResult.Success;
    }
}
