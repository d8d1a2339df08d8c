using System.Globalization;

namespace Operations.Bench;

/// <summary>Formats with the invariant culture: reports read the same on every machine.</summary>
internal static class Inv
{
    public static string Text(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
