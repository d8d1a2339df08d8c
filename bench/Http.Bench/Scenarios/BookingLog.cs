using System.Globalization;

namespace Http.Bench.Scenarios;

/// <summary>
/// The booking log after a run, read from the stopped service's folder: the "Booked ..." lines in the rolling JSON file
/// (logs/), the booking log of record, against the bookings the answers acknowledged, and those on the console
/// (console.log), which carries them only where the configuration says so. Serilog's async buffer drops events rather
/// than block a request when it is full (appsettings.json), so a service that logs slower than it books loses lines:
/// this is where that shows.
/// </summary>
internal sealed record BookingLog(long Bookings, long FileLines, long ConsoleLines, long InFlightAtStop)
{
    private const string FileMarker = "\"@mt\":\"Booked {TicketedEventId}";
    private const string ConsoleMarker = " INF] Booked ";

    /// <summary>Every acknowledged booking has its line in the file (wrk's unanswered requests may add a few).</summary>
    public bool Complete => Within(FileLines);

    public static BookingLog Read(string serviceFolder, long bookings, long inFlightAtStop)
    {
        var logs = Path.Combine(serviceFolder, "logs");
        var file = Directory.Exists(logs) ? Directory.EnumerateFiles(logs, "*.log").Sum(f => Count(f, FileMarker)) : 0;
        var console = Path.Combine(serviceFolder, "console.log");
        return new BookingLog(bookings, file, File.Exists(console) ? Count(console, ConsoleMarker) : 0, inFlightAtStop);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"booking log {(Complete ? "complete" : "**incomplete**")}: {Bookings:N0} bookings acknowledged, {FileLines:N0} \"Booked\" lines in logs/, {ConsoleLines:N0} on the console");

    private bool Within(long lines) => lines >= Bookings && lines <= Bookings + InFlightAtStop;

    private static long Count(string path, string marker)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16);
        using var reader = new StreamReader(stream);
        long count = 0;
        while (reader.ReadLine() is { } line)
        {
            if (line.Contains(marker, StringComparison.Ordinal))
                count++;
        }

        return count;
    }
}
