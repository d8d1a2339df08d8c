using System.Globalization;
using System.Text.Unicode;

namespace Http.Bench.Load.Raw;

/// <summary>
/// Formats a booking or cancel as HTTP/1.1 bytes, the same request the HttpClient generator sends: POST, Host,
/// Content-Type application/json, Content-Length, and the JSON body with the user and the ticketed event.
/// </summary>
internal static class RequestWriter
{
    /// <summary>Room for the longest request: the head is under 150 bytes, the body under 100.</summary>
    public const int MaxBytes = 512;

    private const int MaxBodyBytes = 128;

    /// <summary>Writes the request into <paramref name="destination"/> and returns its length.</summary>
    public static int Write(Span<byte> destination, BenchRequest request, int port)
    {
        Span<byte> body = stackalloc byte[MaxBodyBytes];
        if (!Utf8.TryWrite(body, CultureInfo.InvariantCulture, $"{{\"userId\":{request.UserId},\"eventId\":{request.EventId}}}", out var bodyLength))
            throw new InvalidOperationException("The request body outgrew its buffer.");
        ReadOnlySpan<byte> path = request.IsCancel ? "/api/events/cancel"u8 : "/api/events/book"u8;
        ReadOnlySpan<byte> json = body[..bodyLength];
        return Utf8.TryWrite(destination, CultureInfo.InvariantCulture,
            $"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\nContent-Length: {bodyLength}\r\n\r\n{json}", out var length)
            ? length
            : throw new InvalidOperationException("The request outgrew its buffer.");
    }
}
