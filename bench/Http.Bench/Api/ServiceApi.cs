using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Http.Bench.Api;

/// <summary>The calls around a load run: wait until the service answers, create ticketed events, read their status.</summary>
internal sealed class ServiceApi : IDisposable
{
    private readonly HttpClient _client;
    private readonly AuthenticationHeaderValue _admin;

    public ServiceApi(int port, string username, string password)
    {
        _client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        _admin = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}")));
    }

    // A ticketed event id no bench run allocates (ids count up from 1 per database).
    private const long NeverAllocated = 9_000_000_000_000;

    /// <summary>Ready means the status route answers (404 for an unknown id): routing, auth and the database all work.</summary>
    public async Task WaitUntilReadyAsync(Func<bool> exited, Func<string> console)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (exited())
                throw new InvalidOperationException($"The service exited during start-up:\n{console()}");
            try
            {
                using var response = await SendStatusAsync(NeverAllocated);
                if (response.StatusCode == HttpStatusCode.NotFound)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"The service did not become ready within 90 s:\n{console()}");
    }

    public async Task<long> InitializeAsync(string name, int tickets)
    {
        using var response = await _client.PostAsJsonAsync("/api/events/initialize", new { eventName = name, totalTickets = tickets });
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.Created)
            throw new InvalidOperationException($"initialize answered {(int)response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("eventId").GetInt64();
    }

    /// <summary>Subscribes <paramref name="url"/> to every event (POST /api/webhooks) and returns the signing secret.</summary>
    public async Task<string> CreateWebhookAsync(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks") { Content = JsonContent.Create(new { url }) };
        request.Headers.Authorization = _admin;
        using var response = await _client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.Created)
            throw new InvalidOperationException($"POST /api/webhooks answered {(int)response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("secret").GetString()!;
    }

    public async Task<EventStatus> StatusAsync(long eventId)
    {
        using var response = await SendStatusAsync(eventId);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"status of {eventId} answered {(int)response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        return new EventStatus(root.GetProperty("totalTickets").GetInt32(), root.GetProperty("availableTickets").GetInt32(), root.GetProperty("waitingListCount").GetInt32());
    }

    public void Dispose() => _client.Dispose();

    private async Task<HttpResponseMessage> SendStatusAsync(long eventId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/events/status/{eventId}");
        request.Headers.Authorization = _admin;
        return await _client.SendAsync(request);
    }
}

/// <summary>The status read model of one ticketed event.</summary>
internal sealed record EventStatus(int TotalTickets, int AvailableTickets, int WaitingListCount)
{
    public int Booked => TotalTickets - AvailableTickets;
}
