using System.Net;
using Booking.Web.Tests.Hosting;
using EventBooking.Migrations;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Web.Tests.Reliability;

/// <summary>
/// The service on a real Kestrel listener on 127.0.0.1 and a free port, over a fresh MySQL database: unlike the
/// in-memory TestServer, requests have a remote address, so the per-IP rate limit and X-Forwarded-For are real.
/// </summary>
public sealed class KestrelHost : IAsyncDisposable
{
    private KestrelHost(BookingHost host, HttpClient http)
    {
        Host = host;
        Http = http;
    }

    public BookingHost Host { get; }

    /// <summary>A real HTTP client on a real socket; every request comes from 127.0.0.1.</summary>
    public HttpClient Http { get; }

    public static async Task<KestrelHost> StartAsync(IReadOnlyDictionary<string, string?> settings, string environment = "Development")
    {
        var host = new BookingHost(await TestDatabase.CreateAsync(StoreProvider.MySql), environment, settings);
        host.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        host.StartServer();
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new(host, new HttpClient { BaseAddress = new Uri(address) });
    }

    /// <summary>GET of an unknown ticketed event's status (a 404 that changes nothing), as the client at <paramref name="forwardedFor"/>.</summary>
    public async Task<HttpResponseMessage> StatusAsync(string? forwardedFor, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/events/status/{Guid.NewGuid()}");
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
        await Host.DisposeAsync();
        await Host.Database.DisposeAsync();
    }
}
