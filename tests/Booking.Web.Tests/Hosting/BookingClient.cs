using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Booking.Web.Api;

namespace Booking.Web.Tests.Hosting;

/// <summary>The HTTP API as a client sees it. Bodies are written as JSON text so tests can send anything at all.</summary>
public sealed class BookingClient(HttpClient http)
{
    /// <summary>
    /// A ticketed event id no test allocates: ids count up from 1 per database, and no test database sees anywhere
    /// near this many initializations.
    /// </summary>
    public const long UnknownEventId = 9_000_000_000_000;

    public HttpClient Http => http;

    public static AuthenticationHeaderValue Credentials(string username = BookingHost.Username, string password = BookingHost.Password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}")));

    public static StringContent Json(string json, string? mediaType = "application/json")
    {
        var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = mediaType is null ? null : new MediaTypeHeaderValue(mediaType) { CharSet = "utf-8" };
        return content;
    }

    public static string BookingBody(long userId, long eventId) => JsonSerializer.Serialize(new { userId, eventId });

    public Task<HttpResponseMessage> PostAsync(string path, string json, string? mediaType = "application/json") =>
        http.PostAsync(path, Json(json, mediaType));

    public Task<HttpResponseMessage> InitializeAsync(string eventName, int totalTickets) =>
        PostAsync("/api/events/initialize", JsonSerializer.Serialize(new { eventName, totalTickets }));

    /// <summary>Initializes a ticketed event of its own for the calling test and returns its id.</summary>
    public async Task<long> NewEventAsync(int totalTickets, string eventName = "Concert")
    {
        using var response = await InitializeAsync(eventName, totalTickets);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<InitializeResponse>())!.EventId;
    }

    public Task<HttpResponseMessage> BookAsync(long userId, long eventId) => PostAsync("/api/events/book", BookingBody(userId, eventId));

    public Task<HttpResponseMessage> CancelAsync(long userId, long eventId) => PostAsync("/api/events/cancel", BookingBody(userId, eventId));

    /// <summary>Books and expects 201; returns what the service said.</summary>
    public async Task<BookingResponse> BookedAsync(long userId, long eventId)
    {
        using var response = await BookAsync(userId, eventId);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<BookingResponse>())!;
    }

    /// <summary>Cancels and expects 200; returns what the service said.</summary>
    public async Task<CancelResponse> CancelledAsync(long userId, long eventId)
    {
        using var response = await CancelAsync(userId, eventId);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<CancelResponse>())!;
    }

    /// <summary>Posts <paramref name="json"/> with each of <paramref name="keys"/> as an Idempotency-Key header, sent exactly as given.</summary>
    public async Task<HttpResponseMessage> PostWithKeyAsync(string path, string json, IEnumerable<string> keys, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Json(json) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", keys).ShouldBeTrue();
        return await http.SendAsync(request, cancellationToken);
    }

    public Task<HttpResponseMessage> PostWithKeyAsync(string path, string json, string key, CancellationToken cancellationToken = default) =>
        PostWithKeyAsync(path, json, [key], cancellationToken);

    public Task<HttpResponseMessage> BookWithKeyAsync(long userId, long eventId, string key, CancellationToken cancellationToken = default) =>
        PostWithKeyAsync("/api/events/book", BookingBody(userId, eventId), key, cancellationToken);

    public Task<HttpResponseMessage> CancelWithKeyAsync(long userId, long eventId, string key) =>
        PostWithKeyAsync("/api/events/cancel", BookingBody(userId, eventId), key);

    public Task<HttpResponseMessage> InitializeWithKeyAsync(string eventName, int totalTickets, string key) =>
        PostWithKeyAsync("/api/events/initialize", JsonSerializer.Serialize(new { eventName, totalTickets }), key);

    public Task<HttpResponseMessage> StatusAsync(long eventId, AuthenticationHeaderValue? credentials) =>
        GetAsync($"/api/events/status/{eventId}", credentials);

    public async Task<(StatusResponse Status, string ETag)> StatusOfAsync(long eventId)
    {
        using var response = await StatusAsync(eventId, Credentials());
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return ((await response.Content.ReadFromJsonAsync<StatusResponse>())!, response.Headers.ETag!.Tag);
    }

    /// <summary>The status as of a version or time; <paramref name="asOf"/> is sent URL-encoded, exactly as given.</summary>
    public Task<HttpResponseMessage> StatusAsOfAsync(long eventId, string asOf, AuthenticationHeaderValue? credentials) =>
        GetAsync($"/api/events/status/{eventId}?asOf={Uri.EscapeDataString(asOf)}", credentials);

    public async Task<(StatusResponse Status, string ETag)> StatusAsOfValueAsync(long eventId, string asOf)
    {
        using var response = await StatusAsOfAsync(eventId, asOf, Credentials());
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return ((await response.Content.ReadFromJsonAsync<StatusResponse>())!, response.Headers.ETag!.Tag);
    }

    /// <summary>One page of the history; <paramref name="query"/> is sent as written, so tests can send anything.</summary>
    public Task<HttpResponseMessage> HistoryAsync(long eventId, string? query, AuthenticationHeaderValue? credentials) =>
        GetAsync($"/api/events/{eventId}/history{(query is null ? string.Empty : "?" + query)}", credentials);

    public async Task<HistoryResponse> HistoryPageAsync(long eventId, long fromVersion = 1, int limit = HistoryApi.MaxLimit)
    {
        using var response = await HistoryAsync(eventId, $"fromVersion={fromVersion}&limit={limit}", Credentials());
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<HistoryResponse>())!;
    }

    public async Task<DebugCacheEntry?> DebugCacheEntryAsync(long eventId, AuthenticationHeaderValue? credentials = null)
    {
        using var response = await GetAsync("/api/events/debug/cache", credentials);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var cache = (await response.Content.ReadFromJsonAsync<DebugCacheResponse>())!;
        cache.Count.ShouldBe(cache.Events.Count);
        return cache.Events.SingleOrDefault(e => e.EventId == eventId);
    }

    public async Task<HttpResponseMessage> GetAsync(string path, AuthenticationHeaderValue? credentials = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = credentials;
        return await http.SendAsync(request);
    }
}
