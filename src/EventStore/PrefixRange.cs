using System.Text;

namespace EventStore;

/// <summary>
/// A prefix as a range of ids, <c>prefix &lt;= id &lt; upper bound</c>, which both databases answer from the
/// <c>(projection, id)</c> key; LIKE would need its wildcards escaped, and SQLite's LIKE ignores ASCII case.
/// </summary>
internal static class PrefixRange
{
    /// <summary>
    /// The least string above every string that starts with <paramref name="prefix"/>, in code point order (how
    /// utf8mb4_bin and SQLite's BINARY compare): the prefix with its last code point raised by one, after dropping
    /// trailing U+10FFFF. Null when there is none (an empty prefix, or only U+10FFFF): no upper bound.
    /// </summary>
    public static string? UpperBound(string prefix)
    {
        var runes = prefix.EnumerateRunes().ToList();
        while (runes.Count > 0 && runes[^1] == new Rune(0x10FFFF))
            runes.RemoveAt(runes.Count - 1);
        if (runes.Count == 0)
            return null;

        // The surrogate code points are no runes (and never stored): the next one after U+D7FF is U+E000.
        var last = runes[^1].Value + 1;
        runes[^1] = new Rune(last == 0xD800 ? 0xE000 : last);
        var upper = new StringBuilder(prefix.Length + 1);
        foreach (var rune in runes)
            upper.Append(rune.ToString());
        return upper.ToString();
    }

    public static void Validate(DocumentRange range)
    {
        ArgumentNullException.ThrowIfNull(range);
        ArgumentNullException.ThrowIfNull(range.Prefix, nameof(range));
        ArgumentOutOfRangeException.ThrowIfNegative(range.MaxCount, nameof(range));
    }
}
