using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Booking.Reliability.Tests.Service;

namespace Booking.Reliability.Tests.Histories;

/// <summary>
/// Sends book and cancel requests to the service processes and records every request with what its client learned
/// (a <see cref="HistoryRecorder"/> over one real HTTP client, whose connections may be retried: see
/// <see cref="HistoryOptions.RedeliveryPossible"/>).
/// </summary>
internal sealed class RecordingClient : IDisposable
{
    private readonly HttpClient _client = new(new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30) })
    {
        // Longer than the service's own database timeouts, so a slow answer is seen as an answer, not as a loss.
        Timeout = TimeSpan.FromSeconds(90),
    };

    private readonly HistoryRecorder _recorder = new();
    private int _acknowledged;

    public RecordingClient(IReadOnlyList<Uri> endpoints) => Endpoints = endpoints;

    public IReadOnlyList<Uri> Endpoints { get; }

    public IReadOnlyList<Operation> Operations => _recorder.Operations;

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

    public Task<Operation> BookAsync(int client, int endpoint, long eventId, long userId) => SendAsync(OperationKind.Book, client, endpoint, eventId, userId);

    public Task<Operation> CancelAsync(int client, int endpoint, long eventId, long userId) => SendAsync(OperationKind.Cancel, client, endpoint, eventId, userId);

    public void Dispose() => _client.Dispose();

    private async Task<Operation> SendAsync(OperationKind kind, int client, int endpoint, long eventId, long userId)
    {
        var operation = await _recorder.SendAsync(_client, client, eventId, userId, kind, (endpoint, Endpoints[endpoint]));
        if (operation.Answer.IsAcknowledged)
            Interlocked.Increment(ref _acknowledged);
        return operation;
    }
}
