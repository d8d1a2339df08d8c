using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Booking.Web.Api;

namespace Booking.Web.Tests.Hosting;

/// <summary>Every error is RFC 9457 problem details with a stable type from <see cref="Problems"/>.</summary>
public static class ProblemAssertions
{
    public static async Task<JsonElement> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string type)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, text);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", text);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("type").GetString().ShouldBe(type, text);
        problem.GetProperty("status").GetInt32().ShouldBe((int)status, text);
        problem.GetProperty("title").GetString().ShouldNotBeNullOrWhiteSpace(text);
        return problem;
    }

    /// <summary>A 400 validation problem naming exactly <paramref name="fields"/>, each with a message.</summary>
    public static async Task ShouldBeFieldErrorsAsync(this HttpResponseMessage response, params string[] fields)
    {
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, Problems.Validation);
        var errors = problem.GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal).ShouldBe(fields.Order(StringComparer.Ordinal), problem.ToString());
        foreach (var error in errors.EnumerateObject())
            error.Value.EnumerateArray().ShouldAllBe(message => !string.IsNullOrWhiteSpace(message.GetString()));
    }

    public static void ShouldChallengeForBasicAuth(this HttpResponseMessage response) =>
        response.Headers.WwwAuthenticate.ToString().ShouldBe("Basic realm=\"Event Booking System\"");
}
