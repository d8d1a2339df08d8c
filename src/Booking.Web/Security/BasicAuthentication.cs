using Booking.Web.Hosting.Settings;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Booking.Web.Security;

/// <summary>Basic authentication for the operator routes (status, debug cache), credentials from configuration.</summary>
public static class BasicAuthentication
{
    public const string Scheme = "Basic";
    public const string AdminPolicy = "admin";
    public const string Realm = "Event Booking System";

    /// <summary>
    /// Binds Auth:Username and Auth:Password (<see cref="BasicAuthOptions"/>). Outside Development the service refuses to start without them;
    /// in Development appsettings.Development.json supplies the seed's admin / greatbrands.
    /// </summary>
    public static IServiceCollection AddBasicAuthentication(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddValidatedOptions<BasicAuthOptions>(configuration, BasicAuthOptions.Section, o => o.Problem(environment));
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<BasicAuthOptions>>().Value;
            return new AdminCredentials(options.Username, options.Password);
        });
        services.AddAuthentication(Scheme).AddScheme<AuthenticationSchemeOptions, BasicAuthenticationHandler>(Scheme, null);
        services.AddAuthorizationBuilder().AddPolicy(AdminPolicy, policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
        return services;
    }
}
