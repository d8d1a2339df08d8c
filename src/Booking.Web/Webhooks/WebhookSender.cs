using System.Net.Http.Headers;
using Polly.Timeout;

namespace Booking.Web.Webhooks;

/// <summary>
/// POSTs one event to one subscriber through the "webhooks" client: its resilience pipeline retries with jittered
/// exponential back-off and times out each attempt (<see cref="WebhookSetup"/>); <see cref="WebhookSigningHandler"/>,
/// inside the pipeline, signs every attempt afresh. Null means delivered (a 2xx); otherwise why not, after every attempt.
/// </summary>
internal sealed class WebhookSender(IHttpClientFactory clients)
{
    public const string ClientName = "webhooks";

    public static readonly HttpRequestOptionsKey<string> Secret = new("webhook-secret");

    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    public async Task<string?> SendAsync(WebhookDefinition definition, string node, string id, byte[] body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, definition.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = Json;
        request.Headers.TryAddWithoutValidation("webhook-id", id);
        // The delivering node in a comment, for the operator reading a receiver's log (and the tests' receiver).
        request.Headers.TryAddWithoutValidation("User-Agent", $"EventBooking-Webhooks/1.0 ({node})");
        request.Options.Set(Secret, definition.Secret);
        var client = clients.CreateClient(ClientName);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            return response.IsSuccessStatusCode ? null : $"POST {definition.Url} answered {(int)response.StatusCode} {response.ReasonPhrase}";
        }
        catch (TimeoutRejectedException e)
        {
            return $"POST {definition.Url} timed out: {e.Message}";
        }
        catch (HttpRequestException e)
        {
            return $"POST {definition.Url} failed: {e.Message}";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"POST {definition.Url} timed out";
        }
    }
}
