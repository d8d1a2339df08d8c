using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace EventBooking.Testing.Histories;

/// <summary>
/// Sends book and cancel requests, each with a fresh X-Correlation-Id, and records each one with its answer and the
/// moments it was sent and answered. Safe to share between concurrent clients. Requests go to the client's base
/// address, or to <c>endpoint</c> when given (several service processes behind one client).
/// </summary>
public sealed class HistoryRecorder
{
    // The problem types are the service's documented, stable contract (README), so they are spelt out here: a
    // renamed type fails the histories instead of following along.
    private const string ProblemPrefix = "urn:eventbooking:problem:";

    private readonly ConcurrentQueue<Operation> _operations = new();

    public IReadOnlyList<Operation> Operations => [.. _operations];

    public Task<Operation> BookAsync(HttpClient http, int client, long eventId, long userId) =>
        SendAsync(http, client, eventId, userId, OperationKind.Book);

    public Task<Operation> CancelAsync(HttpClient http, int client, long eventId, long userId) =>
        SendAsync(http, client, eventId, userId, OperationKind.Cancel);

    public async Task<Operation> SendAsync(
        HttpClient http, int client, long eventId, long userId, OperationKind kind, (int Index, Uri BaseAddress)? endpoint = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        var id = Guid.NewGuid();
        var path = kind == OperationKind.Book ? "/api/events/book" : "/api/events/cancel";
        var uri = endpoint is { BaseAddress: var baseAddress } ? new Uri(baseAddress, path) : new Uri(path, UriKind.Relative);
        using var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = new StringContent($$"""{"userId":{{userId}},"eventId":{{eventId}}}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Correlation-Id", id.ToString());

        var invokedAt = Stopwatch.GetTimestamp();
        Answer answer;
        try
        {
            using var response = await http.SendAsync(request);
            answer = Read((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        catch (HttpRequestException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
        {
            answer = new Answer(Outcome.NotSent, 0, Body: e.Message);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            // The body may have reached the service: a dropped connection or a timeout says nothing about the outcome.
            answer = new Answer(Outcome.Indeterminate, 0, Body: e.Message);
        }

        var operation = new Operation(id, client, eventId, userId, kind, invokedAt, Stopwatch.GetTimestamp(), answer, endpoint?.Index ?? 0);
        _operations.Enqueue(operation);
        return operation;
    }

    /// <summary>The answer as the checker sees it; anything undocumented is <see cref="Outcome.Unexpected"/>.</summary>
    public static Answer Read(int statusCode, string body)
    {
        if (statusCode == 503)
            return new Answer(Outcome.Unavailable, statusCode, Body: body);
        JsonElement json;
        try
        {
            json = JsonDocument.Parse(body).RootElement.Clone();
        }
        catch (JsonException)
        {
            return new Answer(Outcome.Unexpected, statusCode, Body: body);
        }

        var outcome = (statusCode, Text(json, "status"), Text(json, "type")) switch
        {
            (201, "booked", _) => Outcome.Booked,
            (201, "waitlisted", _) => Outcome.Waitlisted,
            (200, "cancelled", _) => Outcome.Cancelled,
            (200, "left-waitlist", _) => Outcome.LeftWaitlist,
            (409, _, ProblemPrefix + "already-booked") => Outcome.AlreadyBooked,
            (409, _, ProblemPrefix + "already-waiting") => Outcome.AlreadyWaiting,
            (404, _, ProblemPrefix + "nothing-to-cancel") => Outcome.NothingToCancel,
            (404, _, ProblemPrefix + "event-not-found") => Outcome.EventNotFound,
            _ => Outcome.Unexpected,
        };
        return new Answer(
            outcome, statusCode, (int?)Number(json, "position"), Number(json, "promotedUserId"),
            (int?)Number(json, "availableTickets"), (int?)Number(json, "waitingListCount"), body);
    }

    private static string? Text(JsonElement json, string name) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static long? Number(JsonElement json, string name) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetInt64()
            : null;
}
