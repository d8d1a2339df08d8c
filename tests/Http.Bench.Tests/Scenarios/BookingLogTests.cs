using Http.Bench.Scenarios;

namespace Http.Bench.Tests.Scenarios;

public sealed class BookingLogTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("booking-log-tests-").FullName;

    // As the service writes them (docs/OPERATIONS.md, "Logs"): compact JSON in logs/, the default template on the console.
    private const string FileLine = """{"@t":"2026-12-01T14:50:39.4544207Z","@mt":"Booked {TicketedEventId} for user {UserId}; {AvailableTickets} left","TicketedEventId":1,"UserId":7,"AvailableTickets":9}""";
    private const string RequestLine = """{"@t":"2026-12-01T14:50:39.4597176Z","@mt":"HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0000} ms","RequestPath":"/api/events/book"}""";
    private const string ConsoleLine = "[14:50:39 INF] Booked 1 for user 7; 9 left";

    [Fact]
    public void Read_counts_the_booked_lines_of_every_log_file_and_of_the_console()
    {
        Write(Path.Combine("logs", "eventbooking-20261201.log"), FileLine, RequestLine, FileLine);
        Write(Path.Combine("logs", "eventbooking-20261202.log"), FileLine);
        Write("console.log", ConsoleLine, "[14:50:39 INF] HTTP POST /api/events/book responded 201 in 1.2 ms", ConsoleLine, ConsoleLine);

        var log = BookingLog.Read(_folder, bookings: 3, inFlightAtStop: 0);

        (log.FileLines, log.ConsoleLines, log.Complete).ShouldBe((3L, 3L, true));
    }

    [Theory]
    [InlineData(4, 0, false)] // a line lost
    [InlineData(2, 0, false)] // a line nobody was told about
    [InlineData(2, 1, true)]  // ... unless a request was in flight when the generator stopped
    public void Complete_holds_when_the_file_has_a_line_for_every_acknowledged_booking_whatever_the_console_has(long bookings, long inFlight, bool complete)
    {
        Write(Path.Combine("logs", "eventbooking-20261201.log"), FileLine, FileLine, FileLine);
        Write("console.log", ConsoleLine);

        BookingLog.Read(_folder, bookings, inFlight).Complete.ShouldBe(complete);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private void Write(string relative, params string[] lines)
    {
        var path = Path.Combine(_folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllLines(path, lines);
    }
}
