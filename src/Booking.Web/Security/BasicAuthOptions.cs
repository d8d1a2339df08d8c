namespace Booking.Web.Security;

/// <summary>The <c>Auth</c> section's operator credentials (<c>Auth:Users</c> is <see cref="UserAuthOptions"/>).</summary>
public sealed class BasicAuthOptions
{
    public const string Section = "Auth";

    public string Username { get; set; } = string.Empty;

    public string Password { get; set; } = string.Empty;

    /// <summary>What is wrong, naming the key; null when usable. Outside Development both values are required.</summary>
    public string? Problem(IHostEnvironment environment) =>
        // RFC 7617: the user-id ends at the first colon, so a user name holding one could never sign in.
        Username.Contains(':', StringComparison.Ordinal)
            ? $"{Section}:Username must not contain a colon (RFC 7617 splits user and password at the first one); the password may."
            : (Username.Length == 0 || Password.Length == 0) && !environment.IsDevelopment()
                ? $"{Section}:Username and {Section}:Password must be configured outside Development (for example as Auth__Username / Auth__Password environment variables); this is {environment.EnvironmentName}."
                : null;
}
