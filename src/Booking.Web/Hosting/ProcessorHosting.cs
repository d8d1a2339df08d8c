using Microsoft.Extensions.Options;

namespace Booking.Web.Hosting;

public static class ProcessorHosting
{
    /// <summary>
    /// What runs when the service starts and stops, in this order: migrate the store, warm the processors up; at
    /// shutdown (in reverse) stop warming and migrating, then drain the processors.
    /// </summary>
    public static IServiceCollection AddStartAndStopSteps(this IServiceCollection services)
    {
        services.AddSingleton<StoreReadiness>();
        services.AddSingleton(sp => MigrationRetry.From(sp.GetRequiredService<IOptions<EventStoreOptions>>().Value));
        // Hosts stop their services in the reverse order: the drain is registered first so that it runs last.
        services.AddHostedService<ProcessorDrain>();
        services.AddHostedService<MigrateOnStart>();
        services.AddHostedService<ProcessorWarmUp>();
        return services;
    }
}
