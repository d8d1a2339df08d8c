using Booking.Core.Serialization;
using Booking.Core.TicketedEvents;
using EventStore;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Web.Tests.Hosting;

/// <summary>
/// The real service in memory over <paramref name="database"/>: real configuration files, real migrations on
/// start-up, with the test's settings layered on top. Rate limiting is off unless a test switches it on.
/// </summary>
public sealed class BookingHost(TestDatabase database, string environment = "Development", IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    public const string Username = "operator";

    // A colon inside the password checks RFC 7617 parsing (split at the first colon only).
    public const string Password = "s3cret:with colon";

    public TestDatabase Database => database;

    public IEventStore Store => Services.GetRequiredService<IEventStore>();

    public BookingClient CreateBookingClient() => new(CreateClient());

    /// <summary>The ticketed event as folded from its stream by the app's own store: the source of truth.</summary>
    public async Task<TicketedEventState> ReplayAsync(long eventId) =>
        TicketedEventState.Fold((await ReadStreamAsync(eventId)).Select(e => e.TicketedEvent()));

    public Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(long eventId) =>
        Store.ReadStreamAsync(new TicketedEventId(eventId).StreamId);

    /// <summary>What a bad request must leave untouched: the stream's version and its status document.</summary>
    public async Task<StoredFacts> FactsAsync(long eventId)
    {
        var id = new TicketedEventId(eventId);
        var stream = await Store.GetStreamAsync(id.StreamId);
        var status = await Store.LoadDocumentAsync<TicketedEventStatus>(BookingEventTypes.StatusProjection, id.DocumentKey);
        return new(stream?.Version, status?.Document, status?.StreamVersion);
    }

    /// <summary>Every event of every stream: what a bad initialize must not add to.</summary>
    public async Task<int> CountAllEventsAsync() => (await Store.ReadAllAsync(0, 1_000_000)).Count;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("EventStore:Provider", database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:EventStore", database.ConnectionString);
        builder.UseSetting("Auth:Username", Username);
        builder.UseSetting("Auth:Password", Password);
        builder.UseSetting("RateLimiting:Enabled", "false");
        // Warnings and errors only, on the console and in the configured rolling file (relative to the test's
        // bin folder). The sinks themselves cannot be overridden here: the factory passes settings as command-line
        // arguments, which would blank the parent "Serilog:WriteTo:1" entry and break the array.
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime", "Warning");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            builder.UseSetting(key, value);
    }
}

public sealed record StoredFacts(long? StreamVersion, TicketedEventStatus? Status, long? StatusVersion);
