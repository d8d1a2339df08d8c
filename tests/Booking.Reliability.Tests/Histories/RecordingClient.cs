using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Booking.Reliability.Tests.Service;

namespace Booking.Reliability.Tests.Histories;

/// <summary>Sends book and cancel requests to the service processes and records every request with what its client learned.</summary>
internal sealed class RecordingClient : IDisposable
{
    private readonly HttpClient _client = new(new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30) })
    {
        // Longer than the service's own database timeouts, so a slow answer is seen as an answer, not as a loss.
        Timeout = TimeSpan.FromSeconds(90),
    };

    private readonly ConcurrentQueue<Operation> _operations = new();
    private int _acknowledged;

    public RecordingClient(IReadOnlyList<Uri> endpoints) => Endpoints = endpoints;

    public IReadOnlyList<Uri> Endpoints { get; }

    public IReadOnlyCollection<Operation> Operations => _operations;

    public int Acknowledged => Volatile.Read(ref _acknowledged);

    public async Task<long> InitializeAsync(string name, int tickets)
    {
        using var response = await _client.PostAsJsonAsync(new Uri(Endpoints[0], "/api/events/initialize"), new { eventName = name, totalTickets = tickets });
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"initialize answered {(int)response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("eventId").GetInt64();
    }

    /// <summary>The status read model through the admin route: (total, available, waiting).</summary>
    public async Task<(int Total, int Available, int Waiting)> StatusAsync(int endpoint, long eventId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Endpoints[endpoint], $"/api/events/status/{eventId}"));
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{BookingService.Username}:{BookingService.Password}")));
        using var response = await _client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"status of {eventId} answered {(int)response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        return (root.GetProperty("totalTickets").GetInt32(), root.GetProperty("availableTickets").GetInt32(), root.GetProperty("waitingListCount").GetInt32());
    }

    public Task<Operation> BookAsync(int endpoint, long eventId, long userId) => SendAsync(OperationKind.Book, "/api/events/book", endpoint, eventId, userId);

    public Task<Operation> CancelAsync(int endpoint, long eventId, long userId) => SendAsync(OperationKind.Cancel, "/api/events/cancel", endpoint, eventId, userId);

    public void Dispose() => _client.Dispose();

    private async Task<Operation> SendAsync(OperationKind kind, string path, int endpoint, long eventId, long userId)
    {
        Operation operation;
        try
        {
            using var response = await _client.PostAsJsonAsync(new Uri(Endpoints[endpoint], path), new { userId, eventId });
            var status = (int)response.StatusCode;
            var body = await response.Content.ReadAsStringAsync();
            var outcome = status switch
            {
                < 300 => Outcome.Acknowledged,
                < 500 => Outcome.Rejected,
                _ => Outcome.Failed,
            };
            operation = new Operation(kind, eventId, userId, endpoint, outcome, status, Field(body, outcome == Outcome.Acknowledged ? "status" : "type"));
        }
        catch (HttpRequestException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
        {
            operation = new Operation(kind, eventId, userId, endpoint, Outcome.NotSent, 0, e.Message);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            // The body may have reached the service: a dropped connection or a timeout says nothing about the outcome.
            operation = new Operation(kind, eventId, userId, endpoint, Outcome.InFlight, 0, e.Message);
        }

        _operations.Enqueue(operation);
        if (operation.Outcome == Outcome.Acknowledged)
            Interlocked.Increment(ref _acknowledged);
        return operation;
    }

    private static string? Field(string body, string name)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty(name, out var value) ? value.GetString() : null;
        }
        catch (JsonException)
        {
            return body.Length > 200 ? body[..200] : body;
        }
    }
}
