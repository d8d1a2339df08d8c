using System.Net;

namespace Booking.Web.Tests.Hosting;

/// <summary>An answer as the client saw it, for comparing a replay with the first answer byte for byte.</summary>
public sealed record Reply(HttpStatusCode Status, string Body, string? Location, string? ContentType, bool Replayed)
{
    public static async Task<Reply> OfAsync(HttpResponseMessage response)
    {
        using (response)
        {
            return new Reply(
                response.StatusCode,
                await response.Content.ReadAsStringAsync(),
                response.Headers.Location?.OriginalString,
                response.Content.Headers.ContentType?.MediaType,
                response.Headers.TryGetValues("Idempotency-Replayed", out var replayed) && replayed.Single() == "true");
        }
    }

    /// <summary>The same answer, replayed: everything equal but the replay marker.</summary>
    public void ShouldBeReplayOf(Reply first)
    {
        first.Replayed.ShouldBeFalse("the first answer is not a replay");
        Replayed.ShouldBeTrue("a replayed answer says so in Idempotency-Replayed");
        (this with { Replayed = false }).ShouldBe(first);
    }
}
