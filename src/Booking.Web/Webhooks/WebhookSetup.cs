using Booking.Core.Serialization;
using Booking.Core.Telemetry;
using Booking.Web.Hosting;
using Booking.Web.Hosting.Settings;
using EventBooking.Migrations;
using EventStore;
using EventStore.MySql;
using EventStore.Sqlite;
using EventStore.Subscriptions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Booking.Web.Webhooks;

/// <summary>Webhook subscriptions on the event log: the store, the delivery pipeline and the dispatcher (docs/adr/0012-webhook-subscriptions.md).</summary>
public static class WebhookSetup
{
    public static WebApplicationBuilder AddWebhooks(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<WebhookOptions>(builder.Configuration, WebhookOptions.Section, o => o.Problem());
        services.AddSingleton(sp => CreateStore(sp.GetRequiredService<StoreSettings>()));
        services.AddSingleton(new WebhookEventTypes(BookingEventTypes.CreateMap()));
        services.AddSingleton<WebhookSender>();
        services.AddTransient<WebhookSigningHandler>();
        var client = services.AddHttpClient(WebhookSender.ClientName, client =>
            {
                // Each attempt has its own time-out in the pipeline; the client's own would cut the retries short.
                client.Timeout = Timeout.InfiniteTimeSpan;
            });
        client.AddResilienceHandler("webhook-delivery", Configure);
        // Added after the resilience handler, so inside it: every attempt is signed with its own timestamp.
        client.AddHttpMessageHandler<WebhookSigningHandler>();
        services.AddHostedService<WebhookDispatcher>();
        return builder;
    }

    /// <summary>The subscription store over the database the event store uses.</summary>
    public static ISubscriptionStore CreateStore(StoreSettings settings) => settings.Provider switch
    {
        StoreProvider.MySql => new MySqlSubscriptionStore(settings.ConnectionString, settings.MySql.Topology),
        _ => new SqliteSubscriptionStore(settings.ConnectionString),
    };

    // Outermost first: retry around a per-attempt time-out, so that a hung receiver costs one attempt, not the delivery.
    private static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ResilienceHandlerContext context)
    {
        var options = context.ServiceProvider.GetRequiredService<IOptions<WebhookOptions>>().Value;
        pipeline
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(1, options.MaxAttempts - 1),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.FirstRetryDelay,
                MaxDelay = options.MaxRetryDelay,
                // A receiver's Retry-After could hold a ticketed event for hours; the back-off bounds it instead.
                ShouldRetryAfterHeader = false,
                ShouldHandle = args => ValueTask.FromResult(options.MaxAttempts > 1 && args.Outcome switch
                {
                    { Exception: OperationCanceledException } when args.Context.CancellationToken.IsCancellationRequested => false,
                    { Exception: not null } => true,
                    { Result.IsSuccessStatusCode: false } => true,
                    _ => false,
                }),
                OnRetry = _ =>
                {
                    WebhookMetrics.Shared.Retry();
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(options.AttemptTimeout);
    }
}

/// <summary>The store's type map, for serializing an event's data exactly as it is stored.</summary>
internal sealed record WebhookEventTypes(EventTypeMap Map);
