using System.Diagnostics;

namespace Booking.Web.Tests.Telemetry;

/// <summary>A W3C traceparent of a fresh, sampled trace: a request sent with it runs under that trace id.</summary>
internal sealed record Traceparent(ActivityTraceId TraceId)
{
    public static Traceparent New() => new(ActivityTraceId.CreateRandom());

    public string Header => $"00-{TraceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01";

    public static HttpRequestMessage Post(string path, string json, Traceparent trace, Guid correlationId)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Hosting.BookingClient.Json(json) };
        request.Headers.Add("traceparent", trace.Header);
        request.Headers.Add("X-Correlation-Id", correlationId.ToString());
        return request;
    }
}
