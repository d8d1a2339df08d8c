using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Booking.Web.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Booking.Web.Security;

/// <summary>RFC 7617 basic authentication; the password may contain colons, and user-id and password are UTF-8.</summary>
internal sealed class BasicAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AdminCredentials credentials, IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
            return Task.FromResult(AuthenticateResult.NoResult());

        string decoded;
        try
        {
            decoded = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return Task.FromResult(AuthenticateResult.Fail("Malformed basic credentials."));
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || !credentials.Match(decoded[..colon], decoded[(colon + 1)..]))
            return Task.FromResult(AuthenticateResult.Fail("Invalid credentials."));

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, decoded[..colon])], Scheme.Name);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"Basic realm=\"{BasicAuthentication.Realm}\"";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = 401, Type = Problems.Unauthorized, Title = "Unauthorized", Detail = "This route needs the operator's basic-auth credentials." },
        });
    }
}
