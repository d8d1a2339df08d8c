using System.Globalization;

namespace EventStore.Sqlite;

/// <summary>SQLite has no date type: times are stored as sortable UTC text with microseconds.</summary>
internal static class SqliteTime
{
    private const string Format_ = "yyyy-MM-dd HH:mm:ss.ffffff";

    public static string Format(DateTime utc) => utc.ToString(Format_, CultureInfo.InvariantCulture);

    public static DateTime Parse(string text) =>
        DateTime.SpecifyKind(DateTime.ParseExact(text, Format_, CultureInfo.InvariantCulture), DateTimeKind.Utc);
}
