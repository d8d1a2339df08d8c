using Booking.Core.Processing;
using Booking.Core.Serialization;
using Booking.Web.Hosting.Settings;
using EventBooking.Migrations;
using EventStore;
using EventStore.MySql;
using EventStore.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Booking.Web.Hosting;

public static class StoreSetup
{
    /// <summary>The event store chosen by configuration, and the command processors that write to it.</summary>
    public static IServiceCollection AddBookingStore(this IServiceCollection services, IConfiguration configuration)
    {
        // Validated when the host starts (a bad provider, a MySQL connection string naming no database, ...), so the
        // settings themselves are made only once something needs them, after that.
        services.AddValidatedOptions<EventStoreOptions>(configuration, EventStoreOptions.Section, o => o.Problem() ?? StoreProblem(configuration, o));
        services.AddSingleton(sp => StoreSettings.From(configuration, sp.GetRequiredService<IOptions<EventStoreOptions>>().Value));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IEventStore>(sp => CreateStore(sp.GetRequiredService<StoreSettings>(), sp.GetRequiredService<TimeProvider>()));
        services.AddValidatedOptions<ProcessorOptions>(configuration, ProcessorOptions.Section, o => o.Problem());
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ProcessorOptions>>().Value);
        // Both stores number sequences too; #15 splits the store surface so that this needs no cast.
        services.AddSingleton(sp => (ISequenceNumbers)sp.GetRequiredService<IEventStore>());
        services.AddSingleton<BookingProcessors>();
        services.AddStartAndStopSteps();
        return services;
    }

    private static string? StoreProblem(IConfiguration configuration, EventStoreOptions options)
    {
        try
        {
            StoreSettings.From(configuration, options);
            return null;
        }
        catch (OptionsValidationException e)
        {
            return e.Message;
        }
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
