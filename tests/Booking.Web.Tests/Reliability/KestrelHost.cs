using System.Net;
using Booking.Web.Tests.Hosting;
using EventBooking.Migrations;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Web.Tests.Reliability;

/// <summary>
/// The service on a real Kestrel listener on 127.0.0.1 and a free port, over a fresh database (MySQL unless told):
/// unlike the in-memory TestServer, requests have a remote address, so the per-IP rate limit and X-Forwarded-For are
/// real, and a browser can reach it.
/// </summary>
public sealed class KestrelHost : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _server;

    private KestrelHost(BookingHost host, WebApplicationFactory<Program> server, HttpClient http)
    {
        Host = host;
        _server = server;
        Http = http;
    }

    public BookingHost Host { get; }

    /// <summary>A real HTTP client on a real socket; every request comes from 127.0.0.1.</summary>
    public HttpClient Http { get; }

    /// <summary>Starts the service; <paramref name="services"/> adds test-only registrations (a log sink, say) after the app's own.</summary>
    public static async Task<KestrelHost> StartAsync(
        IReadOnlyDictionary<string, string?> settings, string environment = "Development", Action<IServiceCollection>? services = null,
        StoreProvider provider = StoreProvider.MySql)
    {
        var host = new BookingHost(await TestDatabase.CreateAsync(provider), environment, settings);
        var server = services is null ? host : host.WithWebHostBuilder(b => b.ConfigureTestServices(services));
        server.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        server.StartServer();
        var address = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new(host, server, new HttpClient { BaseAddress = new Uri(address) });
    }

    /// <summary>GET of an unknown ticketed event's status (a 404 that changes nothing), as the client at <paramref name="forwardedFor"/>.</summary>
    public async Task<HttpResponseMessage> StatusAsync(string? forwardedFor, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/events/status/{BookingClient.UnknownEventId}");
        request.Headers.Authorization = BookingClient.Credentials();
        if (forwardedFor is not null)
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", forwardedFor);
        if (accept is not null)
            request.Headers.TryAddWithoutValidation("Accept", accept);
        return await Http.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _server.DisposeAsync();
        await Host.DisposeAsync();
        await Host.Database.DisposeAsync();
    }
}
