using Booking.Web.Admin;
using Booking.Web.Api;
using Booking.Web.Api.OpenApi;
using Booking.Web.Dashboard;
using Booking.Web.Hosting;
using Booking.Web.Hosting.Settings;
using Booking.Web.Hosting.Telemetry;
using Booking.Web.Security;
using Booking.Web.Webhooks;

if (AdminCommands.Handles(args))
    return await AdminCommands.RunAsync(args);

var builder = ServiceHost.CreateBuilder(args);
builder.UsePortFromEnvironment().AddStructuredLogging();
builder.Services.AddBookingStore(builder.Configuration);
builder.Services.AddBasicAuthentication(builder.Configuration, builder.Environment);
builder.Services.AddUserAuthentication(builder.Configuration);
builder.Services.AddPerIpRateLimiting(builder.Configuration);
builder.Services.AddProblemDetails().AddProblemJsonForAnyAccept().AddExceptionHandler<ExceptionProblems>();
builder.Services.ConfigureHttpJsonOptions(json => WebJsonContext.Configure(json.SerializerOptions));
builder.Services.AddApiDocs();
builder.Services.AddStoreHealth();
builder.AddTelemetry();
builder.AddWebhooks();

var app = builder.Build();
app.UseRequestLogging();
app.UseExceptionHandler();
app.UseStatusCodeProblems();
app.UseTrustedForwardedHeaders(builder.Configuration);
app.UseStoreReadiness();
app.UseRateLimiter();
app.UseRequestBodyLimit();
app.UseAuthentication();
app.UseAuthorization();

app.MapApiDocs();
app.MapHealthEndpoints();
app.MapMetricsEndpoint();
app.MapBookingApi();
app.MapSalesApi();
app.MapWebhooks();
app.MapDashboard();
app.MapDebugCacheApi(app.Environment, app.Configuration);

return await app.RunOrExplainAsync();

/// <summary>Entry point; public for WebApplicationFactory.</summary>
public partial class Program;
