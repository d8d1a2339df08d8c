using System.Net;
using System.Text;

namespace Booking.Web.Tests.Reliability;

/// <summary>
/// One hostile request and the problem it must get back. <c>EVENT</c> in the path or body stands for the id of the
/// fixture's ticketed event (a bare number), so a request that wrongly succeeded would change a real stream.
/// </summary>
public sealed record BadInput(HttpMethod Method, string Path, Func<long, byte[]>? Body, string? ContentType, HttpStatusCode Status, string Type)
{
    public string? Accept { get; init; }

    /// <summary>Sends no Authorization header (otherwise the operator's credentials go with every request).</summary>
    public bool Anonymous { get; init; }

    public static Func<long, byte[]> Text(string template) => id => Encoding.UTF8.GetBytes(template.Replace("EVENT", id.ToString(), StringComparison.Ordinal));

    /// <summary>Text and raw bytes in a row, for bodies that are not valid UTF-8.</summary>
    public static Func<long, byte[]> Bytes(params object[] parts) =>
        id => [.. parts.SelectMany(part => part is string text ? Text(text)(id) : (byte[])part)];

    /// <summary>A valid body padded with trailing spaces to exactly <paramref name="size"/> bytes: only its size is wrong.</summary>
    public static Func<long, byte[]> Padded(string template, int size) => id =>
    {
        var body = Text(template)(id);
        return [.. body, .. Enumerable.Repeat((byte)' ', size - body.Length)];
    };

    public HttpRequestMessage ToRequest(long eventId)
    {
        var request = new HttpRequestMessage(Method, Path.Replace("EVENT", eventId.ToString(), StringComparison.Ordinal));
        if (Body is not null)
        {
            var bytes = Body(eventId);
            var content = new ByteArrayContent(bytes);
            if (ContentType is not null)
                content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            request.Content = content;
        }

        if (!Anonymous)
            request.Headers.Authorization = Hosting.BookingClient.Credentials();
        if (Accept is not null)
            request.Headers.TryAddWithoutValidation("Accept", Accept);
        return request;
    }
}

/// <summary>A body whose length the client does not announce: no Content-Length, chunked on a real server.</summary>
public sealed class UnknownLengthContent(byte[] bytes) : HttpContent
{
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
