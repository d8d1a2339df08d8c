using Booking.Core.Processing;
using Booking.Core.Serialization;
using Booking.Web.Hosting.Settings;
using EventBooking.Migrations;
using EventStore;
using EventStore.MySql;
using EventStore.Sql;
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
        services.AddStoreSurfaces(sp => CreateStore(sp.GetRequiredService<StoreSettings>(), sp.GetRequiredService<TimeProvider>()));
        services.AddValidatedOptions<ProcessorOptions>(configuration, ProcessorOptions.Section, o => o.Problem());
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ProcessorOptions>>().Value);
        services.AddSingleton<BookingProcessors>();
        services.AddStartAndStopSteps();
        return services;
    }

    /// <summary>
    /// Registers the one store object under each of its surfaces. The narrow ones resolve through
    /// <see cref="IEventStore"/>, so a test that replaces it (a store that fails on demand) stands behind every caller.
    /// </summary>
    private static void AddStoreSurfaces(this IServiceCollection services, Func<IServiceProvider, SqlEventStore> create)
    {
        services.AddSingleton(create);
        services.AddSingleton<IEventStore>(sp => sp.GetRequiredService<SqlEventStore>());
        services.AddSingleton<IEventReader>(sp => sp.GetRequiredService<IEventStore>());
        services.AddSingleton<IEventWriter>(sp => sp.GetRequiredService<IEventStore>());
        services.AddSingleton<IStreamVersions>(sp => sp.GetRequiredService<IEventStore>());
        services.AddSingleton<IDocumentReader>(sp => sp.GetRequiredService<IEventStore>());
        services.AddSingleton<IDocumentWriter>(sp => sp.GetRequiredService<IEventStore>());
        services.AddSingleton<IProjectionRebuilds>(sp => sp.GetRequiredService<SqlEventStore>());
        services.AddSingleton<ISequenceNumbers>(sp => sp.GetRequiredService<SqlEventStore>());
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

    public static SqlEventStore CreateStore(StoreSettings settings, TimeProvider time)
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
