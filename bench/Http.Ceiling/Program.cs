using Http.Ceiling;

// The least a booking endpoint can do over HTTP: read the booking, answer "booked". No database, no queue. The
// `ceiling` scenario of bench/Http.Bench drives it as a separate process (bench/results/performance-history-2026-11-27.md, "HTTP load (issue #5)").
// Hosted as the service is where it costs: WebApplication.CreateBuilder, Kestrel on 0.0.0.0:PORT, Warning and above
// logged only.
var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseUrls($"http://0.0.0.0:{builder.Configuration.GetValue("PORT", 3000)}");
builder.Logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
builder.Services.ConfigureHttpJsonOptions(json => CeilingJsonContext.Configure(json.SerializerOptions));

var app = builder.Build();
app.MapCeilingApi();

await app.RunAsync();
