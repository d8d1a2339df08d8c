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

    // ASP.NET Core's switch (read when the authentication options are made): no scheme is the default just for being
    // the only one registered.
    private const string SuppressAutoDefaultScheme = "Microsoft.AspNetCore.Authentication.SuppressAutoDefaultScheme";

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
        // No default scheme: each protected endpoint's policy names its own, so a request to an open endpoint (book,
        // cancel without user tokens) runs no authentication handler. Without the switch, ASP.NET Core would make the
        // only scheme registered the default.
        AppContext.SetSwitch(SuppressAutoDefaultScheme, isEnabled: true);
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, BasicAuthenticationHandler>(Scheme, null);
        services.AddAuthorizationBuilder().AddPolicy(AdminPolicy, policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
        return services;
    }
}
