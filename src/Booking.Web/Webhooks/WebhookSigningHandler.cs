using System.Globalization;

namespace Booking.Web.Webhooks;

/// <summary>
/// Sets <c>webhook-timestamp</c> and <c>webhook-signature</c> on every attempt: it sits inside the retry pipeline, so
/// a retry after a long back-off carries a fresh timestamp and passes a receiver's replay window.
/// </summary>
internal sealed class WebhookSigningHandler(TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Options.TryGetValue(WebhookSender.Secret, out var secret) && request.Content is not null
            && request.Headers.TryGetValues("webhook-id", out var ids))
        {
            var body = await request.Content.ReadAsByteArrayAsync(cancellationToken);
            var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
            request.Headers.Remove("webhook-timestamp");
            request.Headers.Remove("webhook-signature");
            request.Headers.TryAddWithoutValidation("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
            request.Headers.TryAddWithoutValidation("webhook-signature", WebhookSignature.Sign(secret, ids.First(), timestamp, body));
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
