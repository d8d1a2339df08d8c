using System.Text;
using Booking.Core.TicketedEvents;
using Booking.Web.Api;
using Booking.Web.Hosting.Settings;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Booking.Web.Security;

/// <summary>Who may book or cancel for a user: anyone (the seed's trusted-backend model), or the holder of a JWT for that user.</summary>
public enum UserAuthMode
{
    /// <summary>Book and cancel are open: a trusted backend calls the service on its users' behalf.</summary>
    Anonymous,

    /// <summary>Book and cancel need a bearer JWT whose <c>sub</c> is the body's <c>userId</c>.</summary>
    Jwt,
}

/// <summary>The <c>Auth:Users</c> section.</summary>
public sealed class UserAuthOptions
{
    public const string Section = "Auth:Users";

    /// <summary>HS256 needs a key of at least 256 bits.</summary>
    public const int MinSigningKeyBytes = 32;

    public UserAuthMode Mode { get; set; } = UserAuthMode.Anonymous;

    /// <summary>The token issuer (<c>iss</c>) to accept.</summary>
    public string? Issuer { get; set; }

    /// <summary>The audience (<c>aud</c>) tokens must be issued for.</summary>
    public string? Audience { get; set; }

    /// <summary>A shared HMAC-SHA256 signing key (UTF-8 text), for an issuer that signs with a symmetric key.</summary>
    public string? SigningKey { get; set; }

    /// <summary>An OpenID Connect authority whose published keys sign the tokens (instead of <see cref="SigningKey"/>).</summary>
    public string? Authority { get; set; }

    /// <summary>
    /// The mode as registration and endpoint mapping need it, before validation: a value that does not parse reads as
    /// <see cref="UserAuthMode.Anonymous"/> here, and validation at start-up refuses it.
    /// </summary>
    public static UserAuthMode ModeFrom(IConfiguration configuration) =>
        configuration.ReadAtRegistration<UserAuthOptions>(Section).Mode is var mode && Enum.IsDefined(mode) ? mode : UserAuthMode.Anonymous;

    /// <summary>What is wrong with the section, naming the key; null when it is usable.</summary>
    public string? Problem() => Mode switch
    {
        _ when !Enum.IsDefined(Mode) => $"{Section}:Mode must be one of {string.Join(", ", Enum.GetNames<UserAuthMode>())}, not {Mode}.",
        UserAuthMode.Anonymous => null,
        _ when string.IsNullOrWhiteSpace(Issuer) => $"{Section}:Issuer is required when {Section}:Mode is Jwt.",
        _ when string.IsNullOrWhiteSpace(Audience) => $"{Section}:Audience is required when {Section}:Mode is Jwt.",
        _ when string.IsNullOrEmpty(SigningKey) == string.IsNullOrEmpty(Authority) =>
            $"Give exactly one of {Section}:SigningKey and {Section}:Authority when {Section}:Mode is Jwt.",
        _ when SigningKey is { } key && Encoding.UTF8.GetByteCount(key) < MinSigningKeyBytes =>
            $"{Section}:SigningKey must be at least {MinSigningKeyBytes} bytes (HMAC-SHA256).",
        _ => null,
    };
}

public static class UserAuthentication
{
    public const string Scheme = JwtBearerDefaults.AuthenticationScheme;
    public const string UserPolicy = "user";

    /// <summary>Binds and validates <c>Auth:Users</c>; in Jwt mode adds the bearer scheme and the policy book and cancel require.</summary>
    public static IServiceCollection AddUserAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<UserAuthOptions>(configuration, UserAuthOptions.Section, o => o.Problem());
        // Whether to add the bearer scheme is decided now, before the section is validated at start-up; a Mode that
        // does not parse adds nothing here and then stops the start with its own line.
        if (UserAuthOptions.ModeFrom(configuration) != UserAuthMode.Jwt)
            return services;

        services.AddAuthentication().AddJwtBearer(Scheme, _ => { });
        services.AddOptions<JwtBearerOptions>(Scheme).Configure<IOptions<UserAuthOptions>>((jwt, configured) =>
        {
            var options = configured.Value;
            jwt.Authority = options.Authority;
            // Keep "sub" as "sub" instead of mapping it to the long WS-Federation claim name.
            jwt.MapInboundClaims = false;
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = options.Issuer,
                ValidAudience = options.Audience,
                IssuerSigningKey = options.SigningKey is { } key ? new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)) : null,
                ValidateIssuerSigningKey = true,
                ClockSkew = TimeSpan.FromSeconds(30),
            };
            jwt.Events = new JwtBearerEvents { OnChallenge = WriteProblemAsync };
        });
        services.AddAuthorizationBuilder().AddPolicy(UserPolicy, policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
        return services;
    }

    /// <summary>Book and cancel need a user's token in Jwt mode.</summary>
    public static TBuilder RequireUserWhenConfigured<TBuilder>(this TBuilder builder, IServiceProvider services)
        where TBuilder : IEndpointConventionBuilder =>
        UserAuthOptions.ModeFrom(services.GetRequiredService<IConfiguration>()) == UserAuthMode.Jwt ? builder.RequireAuthorization(UserPolicy) : builder;

    /// <summary>In Jwt mode, a 403 problem unless the token's <c>sub</c> is <paramref name="user"/>; otherwise null.</summary>
    public static ProblemHttpResult? RefuseOtherUser(HttpContext context, UserId user)
    {
        if (context.RequestServices.GetRequiredService<IOptions<UserAuthOptions>>().Value.Mode != UserAuthMode.Jwt)
            return null;
        var subject = context.User.FindFirst("sub")?.Value;
        return subject == user.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)
            ? null
            : JsonBody.Problem(StatusCodes.Status403Forbidden, Problems.Forbidden, "Forbidden",
                $"The bearer token is for user {subject ?? "(no sub claim)"}; it may book and cancel for that user only, not for user {user.Value}. Nothing was changed.");
    }

    private static async Task WriteProblemAsync(JwtBearerChallengeContext context)
    {
        // The handler has set WWW-Authenticate (with the token's error, if any); the body is ours.
        context.HandleResponse();
        var http = context.HttpContext;
        http.Response.StatusCode = StatusCodes.Status401Unauthorized;
        http.Response.Headers.WWWAuthenticate = context.Error is null ? "Bearer" : $"Bearer error=\"{context.Error}\"";
        var detail = context.AuthenticateFailure is null
            ? "Booking and cancelling need a bearer token (Authorization: Bearer <JWT>) for the user in the body."
            : "The bearer token was refused (bad signature, issuer, audience or expiry); nothing was changed.";
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = 401, Type = Problems.Unauthorized, Title = "Unauthorized", Detail = detail },
        });
    }
}
