using System.Buffers;
using System.Globalization;
using System.Text;

namespace Http.Bench.Load.Raw;

/// <summary>The parts of a whole response the generator needs: its length in bytes, its status, and whether it closes.</summary>
internal readonly record struct ResponseHead(int Length, int Status, bool Close);

/// <summary>
/// Reads one HTTP/1.1 response from the start of what has arrived so far. It keeps no state between calls: given
/// part of a response it answers "not yet" and is called again, from the start, with more bytes. The answers here
/// are a few hundred bytes, so reading a head twice is cheaper than the bookkeeping of resuming it.
/// The body is framed by Content-Length or chunked (Kestrel chunks the JSON of these endpoints: it does not know the
/// length before the serializer has run). Anything else, such as a body that ends when the connection closes, is
/// malformed here and throws <see cref="InvalidDataException"/>.
/// </summary>
internal static class ResponseParser
{
    public const int MaxHeadBytes = 16 * 1024;

    /// <summary>
    /// True when <paramref name="received"/> starts with a whole response; its body, de-chunked, is then in
    /// <paramref name="body"/> (which is emptied first either way).
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> received, ArrayBufferWriter<byte> body, out ResponseHead head)
    {
        body.ResetWrittenCount();
        head = default;
        var headEnd = received.IndexOf("\r\n\r\n"u8);
        if (headEnd < 0)
            return received.Length <= MaxHeadBytes ? false : throw Malformed($"no end of the head in {received.Length} bytes");

        var lines = received[..(headEnd + 2)];
        var status = Status(NextLine(ref lines));
        var (length, chunked, close) = (-1, false, false);
        while (!lines.IsEmpty)
        {
            var line = NextLine(ref lines);
            var colon = line.IndexOf((byte)':');
            if (colon <= 0)
                throw Malformed($"a header line without a name: {Text(line)}");
            var name = line[..colon];
            var value = line[(colon + 1)..].Trim(" \t"u8);
            if (Ascii.EqualsIgnoreCase(name, "Content-Length"u8))
                length = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw Malformed($"Content-Length {Text(value)}");
            else if (Ascii.EqualsIgnoreCase(name, "Transfer-Encoding"u8))
                chunked = Ascii.EqualsIgnoreCase(value, "chunked"u8) ? true : throw Malformed($"Transfer-Encoding {Text(value)}");
            else if (Ascii.EqualsIgnoreCase(name, "Connection"u8))
                close = Ascii.EqualsIgnoreCase(value, "close"u8);
        }

        var start = headEnd + 4;
        var content = received[start..];
        int bodyBytes;
        if (chunked)
        {
            if (length >= 0)
                throw Malformed("both Content-Length and Transfer-Encoding: chunked");
            if (!TryReadChunks(content, body, out bodyBytes))
                return false;
        }
        else if (length >= 0)
        {
            if (content.Length < length)
                return false;
            body.Write(content[..length]);
            bodyBytes = length;
        }
        else
        {
            bodyBytes = status is 204 or 304 ? 0 : throw Malformed($"a {status} answer with neither Content-Length nor Transfer-Encoding: chunked");
        }

        head = new ResponseHead(start + bodyBytes, status, close);
        return true;
    }

    // Chunks: a hexadecimal size (maybe with ;extensions), CRLF, the data, CRLF; a size of 0 ends them, then trailer
    // lines up to an empty one.
    private static bool TryReadChunks(ReadOnlySpan<byte> content, ArrayBufferWriter<byte> body, out int consumed)
    {
        consumed = 0;
        var rest = content;
        while (true)
        {
            if (!TryLine(ref rest, out var line))
                return false;
            var extension = line.IndexOf((byte)';');
            var sizeText = (extension < 0 ? line : line[..extension]).Trim(" \t"u8);
            if (!int.TryParse(sizeText, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size) || size < 0)
                throw Malformed($"a chunk size {Text(line)}");
            if (size == 0)
                break;
            if (rest.Length < (long)size + 2)
                return false;
            if (!rest.Slice(size, 2).SequenceEqual("\r\n"u8))
                throw Malformed("a chunk not followed by CRLF");
            body.Write(rest[..size]);
            rest = rest[(size + 2)..];
        }

        while (TryLine(ref rest, out var trailer))
        {
            if (trailer.IsEmpty)
            {
                consumed = content.Length - rest.Length;
                return true;
            }
        }

        return false;
    }

    // "HTTP/1.1 201 Created": the reason phrase may be empty, and is ignored.
    private static int Status(ReadOnlySpan<byte> line) =>
        line.StartsWith("HTTP/1.1 "u8) && line.Length >= 12 && (line.Length == 12 || line[12] == (byte)' ')
        && int.TryParse(line[9..12], NumberStyles.None, CultureInfo.InvariantCulture, out var status) && status >= 200
            ? status
            : throw Malformed($"the status line {Text(line)} (an HTTP/1.1 final answer was expected)");

    private static ReadOnlySpan<byte> NextLine(ref ReadOnlySpan<byte> lines) =>
        TryLine(ref lines, out var line) ? line : throw Malformed("a head line without CRLF");

    private static bool TryLine(ref ReadOnlySpan<byte> rest, out ReadOnlySpan<byte> line)
    {
        var end = rest.IndexOf("\r\n"u8);
        if (end < 0)
        {
            line = default;
            return rest.Length <= MaxHeadBytes ? false : throw Malformed($"a line longer than {MaxHeadBytes} bytes");
        }

        line = rest[..end];
        rest = rest[(end + 2)..];
        return true;
    }

    private static string Text(ReadOnlySpan<byte> bytes) => Encoding.ASCII.GetString(bytes[..Math.Min(bytes.Length, 80)]);

    private static InvalidDataException Malformed(string what) => new($"Malformed HTTP answer: {what}.");
}
