using System.Security.Cryptography;
using System.Text;

namespace Booking.Web.Security;

/// <summary>The operator's credentials. Comparison takes the same time whatever the input, so timing reveals nothing.</summary>
public sealed class AdminCredentials(string username, string password)
{
    private readonly byte[] _username = Hash(username);
    private readonly byte[] _password = Hash(password);

    public bool AreConfigured { get; } = username.Length > 0 && password.Length > 0;

    public bool Match(string username, string password)
    {
        // Hash first so both sides have the same length; compare both parts without short-circuiting.
        var userOk = CryptographicOperations.FixedTimeEquals(Hash(username), _username);
        var passwordOk = CryptographicOperations.FixedTimeEquals(Hash(password), _password);
        return AreConfigured & userOk & passwordOk;
    }

    private static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));
}
