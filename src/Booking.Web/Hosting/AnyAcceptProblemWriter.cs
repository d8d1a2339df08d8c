using System.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Booking.Web.Hosting;

/// <summary>
/// The framework's problem writer declines when the Accept header leaves JSON out (a browser's text/html, a client
/// asking for application/xml), and the errors written outside an endpoint (401, 404, 405, 413, 429) then became
/// 500s with an empty body. This API speaks only JSON, so this writer, consulted after the framework's, answers
/// problem+json whatever the Accept header says (RFC 9110 12.5.1 lets a server disregard it).
/// </summary>
internal sealed class AnyAcceptProblemWriter(IOptions<ProblemDetailsOptions> options, IOptions<JsonOptions> json) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var problem = context.ProblemDetails;
        problem.Status ??= http.Response.StatusCode;
        problem.Title ??= ReasonPhrases.GetReasonPhrase(problem.Status.Value);
        problem.Extensions.TryAdd("traceId", Activity.Current?.Id ?? http.TraceIdentifier);
        options.Value.CustomizeProblemDetails?.Invoke(context);
        return new(http.Response.WriteAsJsonAsync(problem, problem.GetType(), json.Value.SerializerOptions, "application/problem+json", http.RequestAborted));
    }
}

/// <summary>Registers <see cref="AnyAcceptProblemWriter"/> behind the framework's writer.</summary>
public static class ProblemResponses
{
    public static IServiceCollection AddProblemJsonForAnyAccept(this IServiceCollection services) =>
        services.AddSingleton<IProblemDetailsWriter, AnyAcceptProblemWriter>();
}
