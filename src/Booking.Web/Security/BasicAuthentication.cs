using Microsoft.AspNetCore.Authentication;

namespace Booking.Web.Security;

/// <summary>Basic authentication for the operator routes (status, debug cache), credentials from configuration.</summary>
public static class BasicAuthentication
{
    public const string Scheme = "Basic";
    public const string AdminPolicy = "admin";
    public const string Realm = "Event Booking System";

    /// <summary>
    /// Reads Auth:Username and Auth:Password. Outside Development the service refuses to start without them;
    /// in Development appsettings.Development.json supplies the seed's admin / greatbrands.
    /// </summary>
    public static IServiceCollection AddBasicAuthentication(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var username = configuration["Auth:Username"] ?? string.Empty;
        // RFC 7617: the user-id ends at the first colon, so a user name holding one could never sign in.
        if (username.Contains(':', StringComparison.Ordinal))
            throw new InvalidOperationException("Auth:Username must not contain a colon (RFC 7617 splits user and password at the first one); the password may.");
        var credentials = new AdminCredentials(username, configuration["Auth:Password"] ?? string.Empty);
        if (!credentials.AreConfigured)
        {
            if (!environment.IsDevelopment())
                throw new InvalidOperationException("Auth:Username and Auth:Password must be configured outside Development (for example as Auth__Username / Auth__Password environment variables).");
        }

        services.AddSingleton(credentials);
        services.AddAuthentication(Scheme).AddScheme<AuthenticationSchemeOptions, BasicAuthenticationHandler>(Scheme, null);
        services.AddAuthorizationBuilder().AddPolicy(AdminPolicy, policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
        return services;
    }
}
