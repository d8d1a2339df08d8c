using System.Diagnostics;
using System.Globalization;
using Booking.Reliability.Tests.Histories;
using Booking.Reliability.Tests.Service;
using EventBooking.Testing.Processes;
using Xunit.Abstractions;

namespace Booking.Reliability.Tests.CrashSafety;

/// <summary>
/// One crash-safety run: its own mariadbd and service process, four ticketed events, and a seeded load of books and
/// cancels recorded by a <see cref="RecordingClient"/>; the test kills things meanwhile, then <see cref="VerifyAsync"/>
/// stops the load and checks the history against the streams.
/// </summary>
internal sealed class CrashRun : IAsyncDisposable
{
    private const int Clients = 16;
    private readonly ITestOutputHelper _output;
    private readonly CancellationTokenSource _stop = new();
    private Task _load = Task.CompletedTask;

    private CrashRun(ITestOutputHelper output, Stopwatch clock, int seed, MariaDbServer database, string connectionString, ServiceProcess service, RecordingClient client)
    {
        _output = output;
        Clock = clock;
        Seed = seed;
        Random = new Random(seed);
        Database = database;
        ConnectionString = connectionString;
        Service = service;
        Client = client;
    }

    public int Seed { get; }

    public Random Random { get; }

    public Stopwatch Clock { get; }

    public MariaDbServer Database { get; }

    public string ConnectionString { get; }

    public ServiceProcess Service { get; }

    public RecordingClient Client { get; }

    /// <summary>Starts the database and the service, initializes the ticketed events and starts the load.</summary>
    public static async Task<CrashRun> StartAsync(ITestOutputHelper output, string databaseName)
    {
        var clock = Stopwatch.StartNew();
        var seed = int.TryParse(Environment.GetEnvironmentVariable("EVENTBOOKING_CRASH_SEED"), CultureInfo.InvariantCulture, out var s) ? s : Random.Shared.Next();
        output.WriteLine(Inv($"seed {seed} (EVENTBOOKING_CRASH_SEED={seed} replays its choices)"));
        var database = await MariaDbServer.InstallAsync(bufferPoolSize: "256M");
        await database.StartAsync();
        var connectionString = await database.CreateDatabaseAsync(databaseName);
        var service = await BookingService.StartAsync(connectionString);
        var run = new CrashRun(output, clock, seed, database, connectionString, service, new RecordingClient([service.BaseAddress]));
        List<long> events = [];
        for (var i = 0; i < 4; i++)
            events.Add(await run.Client.InitializeAsync($"crash-safety-{i}", tickets: 25));
        run.Events = events;
        run._load = new BookingLoad(run.Client, events, seed).RunAsync(Clients, cancelShare: 0.25, maxBooks: long.MaxValue, run._stop.Token);
        return run;
    }

    public IReadOnlyList<long> Events { get; private set; } = [];

    /// <summary>Lets the load run a second more, stops it, and checks every answer against the streams.</summary>
    public async Task VerifyAsync(bool failuresMayHaveCommitted, FormattableString summary)
    {
        await Task.Delay(1_000);
        await _stop.CancelAsync();
        await _load;

        var verification = await Verification.RunAsync(ConnectionString, Client, Events, failuresMayHaveCommitted);
        _output.WriteLine(Inv($"seed {Seed}: ") + Inv(summary) + Inv($" in {Clock.Elapsed.TotalSeconds:0} s"));
        _output.WriteLine(verification.Describe());
        verification.History.HistoryViolations.ShouldBeEmpty();
        verification.AuditViolations.ShouldBeEmpty();
        verification.StatusMismatches.ShouldBeEmpty();
        verification.History.Operations.Count(o => o.Answer.IsAcknowledged).ShouldBeGreaterThan(0);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _load.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        Client.Dispose();
        await Service.DisposeAsync();
        await Database.DisposeAsync();
        _stop.Dispose();
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
