using System.Text;
using Http.Bench.Load;
using Http.Bench.Load.Raw;

namespace Http.Bench.Tests.Load.Raw;

public class RequestWriterTests
{
    private const long EventId = 1_234_567;

    [Fact]
    public void Write_cancel_returns_the_bytes_httpclient_sends()
    {
        const string body = "{\"userId\":4200000017,\"eventId\":1234567}";

        var request = Write(new BenchRequest(true, EventId, 4200000017), 5123);

        request.ShouldBe(
            "POST /api/events/cancel HTTP/1.1\r\nHost: 127.0.0.1:5123\r\nContent-Type: application/json\r\n"
            + $"Content-Length: {body.Length}\r\n\r\n{body}");
    }

    [Fact]
    public void Write_booking_with_the_longest_user_id_event_id_and_port_fits_the_buffer()
    {
        var body = $"{{\"userId\":{long.MaxValue},\"eventId\":{long.MaxValue}}}";

        var request = Write(new BenchRequest(false, long.MaxValue, long.MaxValue), 65535);

        request.ShouldBe(
            "POST /api/events/book HTTP/1.1\r\nHost: 127.0.0.1:65535\r\nContent-Type: application/json\r\n"
            + $"Content-Length: {body.Length}\r\n\r\n{body}");
    }

    private static string Write(BenchRequest request, int port)
    {
        var buffer = new byte[RequestWriter.MaxBytes];
        var length = RequestWriter.Write(buffer, request, port);
        return Encoding.ASCII.GetString(buffer, 0, length);
    }
}
