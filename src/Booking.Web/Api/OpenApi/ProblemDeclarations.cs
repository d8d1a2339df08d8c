using Microsoft.AspNetCore.Mvc;

namespace Booking.Web.Api.OpenApi;

/// <summary>The problem types a route (or a group of routes) may answer with; <see cref="ProblemResponses"/> writes them into the document.</summary>
public sealed record ProblemTypesMetadata(IReadOnlyList<string> Types);

public static class ProblemDeclarations
{
    private static readonly string[] ProblemJson = ["application/problem+json"];

    /// <summary>Declares <paramref name="types"/> (constants of <see cref="Problems"/>), each under its status.</summary>
    public static TBuilder ProducesProblems<TBuilder>(this TBuilder builder, params IEnumerable<string> types)
        where TBuilder : IEndpointConventionBuilder
    {
        var list = types.ToList();
        foreach (var status in list.Select(ProblemCatalog.StatusOf).Distinct())
        {
            // A 400 may carry the per-field errors of a validation problem.
            var body = status == StatusCodes.Status400BadRequest ? typeof(HttpValidationProblemDetails) : typeof(ProblemDetails);
            builder.WithMetadata(new ProducesResponseTypeMetadata(status, body, ProblemJson));
        }

        return builder.WithMetadata(new ProblemTypesMetadata(list));
    }

    /// <summary>The problems every API route may answer with (<see cref="ProblemCatalog.AnyRoute"/>).</summary>
    public static TBuilder ProducesCommonProblems<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.ProducesProblems(ProblemCatalog.AnyRoute);

    /// <summary>The problems of a route that reads a JSON body, plus <paramref name="types"/>.</summary>
    public static TBuilder ProducesBodyProblems<TBuilder>(this TBuilder builder, params IEnumerable<string> types)
        where TBuilder : IEndpointConventionBuilder => builder.ProducesProblems(ProblemCatalog.JsonBody.Concat(types));

    internal static IEnumerable<string> DeclaredOn(IEnumerable<object> metadata) =>
        metadata.OfType<ProblemTypesMetadata>().SelectMany(m => m.Types).Distinct(StringComparer.Ordinal);
}
