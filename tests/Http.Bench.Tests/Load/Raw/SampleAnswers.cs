namespace Http.Bench.Tests.Load.Raw;

/// <summary>Whole answers as the service sends them, framed by Content-Length and by chunks.</summary>
internal static class SampleAnswers
{
    public const string BookedJson = "{\"status\":\"booked\",\"eventId\":1,\"userId\":1}";

    public static readonly string Sized =
        "HTTP/1.1 201 Created\r\nContent-Type: application/json; charset=utf-8\r\nDate: x\r\nServer: Kestrel\r\n"
        + $"content-length: {BookedJson.Length}\r\n\r\n{BookedJson}";

    // BookedJson in three chunks: lower- and upper-case hexadecimal sizes, an extension, and a trailer.
    public const string Chunked =
        "HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\nLocation: /a\r\n\r\n"
        + "5\r\n{\"sta\r\n"
        + "b;ext=1\r\ntus\":\"booke\r\n"
        + "1A\r\nd\",\"eventId\":1,\"userId\":1}\r\n"
        + "0\r\nTrailer: y\r\n\r\n";

    // Captured from Kestrel for TypedResults.Created("/x", new { status = "booked", userId = 1 }).
    public const string FromKestrel =
        "HTTP/1.1 201 Created\r\nContent-Type: application/json; charset=utf-8\r\nDate: Fri, 27 Nov 2026 03:25:12 GMT\r\n"
        + "Server: Kestrel\r\nLocation: /x\r\nTransfer-Encoding: chunked\r\n\r\n"
        + "1e\r\n{\"status\":\"booked\",\"userId\":1}\r\n0\r\n\r\n";

    public const string WaitlistedThenClose =
        "HTTP/1.1 201 Created\r\nContent-Length: 23\r\nConnection: close\r\n\r\n{\"status\":\"waitlisted\"}";

    public const string Cancelled = "HTTP/1.1 200 OK\r\nContent-Length: 22\r\n\r\n{\"status\":\"cancelled\"}";
}
