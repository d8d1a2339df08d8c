using System.Text;

namespace EventStore;

internal static class SequenceName
{
    public const int MaxLength = 100;

    // The MySQL column is ASCII: any other character would be stored as '?', and two names would share one counter.
    public static void Validate(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.Length > MaxLength || !Ascii.IsValid(name))
            throw new ArgumentException($"A sequence name is 1 to {MaxLength} ASCII characters.", nameof(name));
    }
}
