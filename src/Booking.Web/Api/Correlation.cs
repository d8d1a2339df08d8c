namespace Booking.Web.Api;

/// <summary>The correlation id stored with every event a request causes: the client's X-Correlation-Id if it is a UUID.</summary>
internal static class Correlation
{
    public const string Header = "X-Correlation-Id";

    public static Guid Of(HttpContext context) =>
        Guid.TryParse(context.Request.Headers[Header], out var id) ? id : Guid.CreateVersion7();
}
