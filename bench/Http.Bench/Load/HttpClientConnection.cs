using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Http.Bench.Load;

/// <summary>
/// The first generator's client, kept to compare with: one <see cref="HttpClient"/> shared by all workers, its
/// <see cref="SocketsHttpHandler"/> holding as many keep-alive HTTP/1.1 connections as there are workers.
/// </summary>
internal sealed class HttpClientConnection(HttpClient client) : IBookingConnection
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private static readonly Uri BookPath = new("/api/events/book", UriKind.Relative);
    private static readonly Uri CancelPath = new("/api/events/cancel", UriKind.Relative);

    public async ValueTask<Answer> SendAsync(BenchRequest request)
    {
        var body = string.Create(CultureInfo.InvariantCulture, $"{{\"userId\":{request.UserId},\"eventId\":{request.EventId}}}");
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = Json;
        using var message = new HttpRequestMessage(HttpMethod.Post, request.IsCancel ? CancelPath : BookPath) { Content = content };
        try
        {
            using var response = await client.SendAsync(message, HttpCompletionOption.ResponseContentRead);
            var answer = await response.Content.ReadAsByteArrayAsync();
            return Answers.Classify(request, (int)response.StatusCode, answer);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return Answer.Lost(e);
        }
    }

    /// <summary>The client is shared and disposed by whoever created it.</summary>
    public void Dispose()
    {
    }

    public static HttpClient CreateClient(int port, int connections) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        UseCookies = false,
        UseProxy = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
        ConnectTimeout = TimeSpan.FromSeconds(10),
    })
    {
        BaseAddress = new Uri($"http://127.0.0.1:{port}"),
        Timeout = TimeSpan.FromSeconds(30),
        DefaultRequestVersion = HttpVersion.Version11,
    };
}
