using Booking.Core.Processing;
using Booking.Core.Serialization;
using EventBooking.Migrations;
using EventStore;
using EventStore.MySql;
using EventStore.Sqlite;
using Microsoft.Data.Sqlite;

namespace Booking.Web.Hosting;

public static class StoreSetup
{
    /// <summary>The event store chosen by configuration, and the command processors that write to it.</summary>
    public static IServiceCollection AddBookingStore(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = StoreSettings.From(configuration);
        services.AddSingleton(settings);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IEventStore>(sp => CreateStore(settings, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(configuration.GetSection("Processing").Get<ProcessorOptions>() ?? new ProcessorOptions());
        // Both stores number sequences too; #15 splits the store surface so that this needs no cast.
        services.AddSingleton(sp => (ISequenceNumbers)sp.GetRequiredService<IEventStore>());
        services.AddSingleton<BookingProcessors>();
        services.AddSingleton<StoreReadiness>();
        services.AddSingleton(MigrationRetry.From(configuration));
        services.AddHostedService<ProcessorsLifetime>();
        return services;
    }

    public static IEventStore CreateStore(StoreSettings settings, TimeProvider time)
    {
        var types = BookingEventTypes.CreateMap();
        return settings.Provider switch
        {
            StoreProvider.MySql => new MySqlEventStore(settings.ConnectionString, types, time, settings.MySql),
            _ => new SqliteEventStore(settings.ConnectionString, types, time),
        };
    }

    /// <summary>Applies pending migrations (creating the SQLite file's folder if needed) and returns what ran.</summary>
    public static IReadOnlyList<string> Migrate(StoreSettings settings)
    {
        if (settings.Provider == StoreProvider.Sqlite)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource));
            if (!string.IsNullOrEmpty(folder))
                Directory.CreateDirectory(folder);
        }

        return SchemaMigrator.MigrateUp(settings.Provider, settings.ConnectionString);
    }
}
