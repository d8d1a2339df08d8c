using Booking.Web.Api;

namespace Booking.Web.Hosting;

/// <summary>Bodiless error statuses (unknown route, wrong method) become problem details with our stable types.</summary>
public static class StatusCodeProblems
{
    public static IApplicationBuilder UseStatusCodeProblems(this IApplicationBuilder app) =>
        app.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            var (type, title, detail) = http.Response.StatusCode switch
            {
                StatusCodes.Status404NotFound => (Problems.NotFound, "Not found", $"There is no route {http.Request.Method} {http.Request.Path}."),
                StatusCodes.Status405MethodNotAllowed => (Problems.MethodNotAllowed, "Method not allowed", $"{http.Request.Path} does not accept {http.Request.Method}."),
                _ => ((string?)null, (string?)null, (string?)null),
            };
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = { Status = http.Response.StatusCode, Type = type, Title = title, Detail = detail },
            });
        });
}
