using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;

namespace EventBooking.Testing.Webhooks;

/// <summary>
/// A real webhook receiver: Kestrel on 127.0.0.1 and a free port, one endpoint per subscription
/// (<c>/hooks/{name}</c>). It verifies every signature with the StandardWebhooks package (an implementation
/// independent of the service's), answers as each endpoint's <see cref="ReceiverBehaviour"/> says (500s, slow
/// answers), records every attempt and every accepted delivery, and notices deliveries of one subscription in flight
/// from two nodes at once, or of one ticketed event twice at once.
/// </summary>
public sealed partial class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Endpoint> _endpoints = new(StringComparer.Ordinal);

    private WebhookReceiver(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hooks/{name}", receiver.ReceiveAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.BaseAddress = new Uri(address);
        return receiver;
    }

    /// <summary>The URL to subscribe for endpoint <paramref name="name"/>.</summary>
    public string UrlOf(string name) => new Uri(BaseAddress, $"/hooks/{name}").ToString();

    /// <summary>The endpoint's secret (as the subscription's answer gave it) and how it answers.</summary>
    public Endpoint Expect(string name, string secret, ReceiverBehaviour? behaviour = null)
    {
        var endpoint = _endpoints.GetOrAdd(name, _ => new Endpoint());
        endpoint.Secret = secret;
        endpoint.Behaviour = behaviour ?? ReceiverBehaviour.Healthy;
        return endpoint;
    }

    public Endpoint this[string name] => _endpoints.GetOrAdd(name, _ => new Endpoint());

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> ReceiveAsync(string name, HttpContext context)
    {
        var endpoint = this[name];
        var started = DateTime.UtcNow;
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var id = context.Request.Headers["webhook-id"].ToString();
        var node = NodeOf(context.Request.Headers.UserAgent.ToString());
        var eventId = TicketedEventOf(body);
        var visit = endpoint.Enter(node, eventId);
        try
        {
            var attempt = endpoint.CountAttempt(id);
            endpoint.Attempts.Enqueue(new Attempt(id, node, attempt, started));
            if (endpoint.Secret is not { } secret)
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            try
            {
                new StandardWebhook(secret).Verify(body, context.Request.Headers);
            }
            catch (WebhookVerificationException)
            {
                Interlocked.Increment(ref endpoint.BadSignatures);
                return Results.StatusCode(StatusCodes.Status401Unauthorized);
            }

            var behaviour = endpoint.Behaviour;
            if (behaviour.Delay > TimeSpan.Zero || attempt <= behaviour.SlowAttempts)
                await Task.Delay(attempt <= behaviour.SlowAttempts ? behaviour.SlowAnswer : behaviour.Delay, context.RequestAborted);
            if (behaviour.AlwaysFail || attempt <= behaviour.SlowAttempts + behaviour.FailingAttempts)
                return Results.StatusCode(StatusCodes.Status500InternalServerError);

            endpoint.Accept(Delivery.Parse(id, node, body, started, DateTime.UtcNow));
            return Results.NoContent();
        }
        finally
        {
            endpoint.Leave(visit, abandoned: context.RequestAborted.IsCancellationRequested);
        }
    }

    private static long TicketedEventOf(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("eventId", out var id) && id.TryGetInt64(out var value) ? value : 0;
        }
        catch (JsonException)
        {
            return 0;
        }
    }

    private static string NodeOf(string userAgent) => NodeComment().Match(userAgent) is { Success: true } m ? m.Groups[1].Value : userAgent;

    [GeneratedRegex(@"\(([^)]*)\)")]
    private static partial Regex NodeComment();

    /// <summary>One subscription's endpoint: what it answers and what it got.</summary>
    public sealed class Endpoint
    {
        private readonly ConcurrentDictionary<string, int> _attemptsById = new(StringComparer.Ordinal);
        private readonly Lock _lock = new();
        private readonly List<Delivery> _accepted = [];

        private readonly List<Visit> _inFlight = [];
        private readonly List<(Visit Earlier, Visit Later)> _overlaps = [];
        private int _abandoned;

        internal int BadSignatures;

        public string? Secret { get; set; }

        public ReceiverBehaviour Behaviour { get; set; } = ReceiverBehaviour.Healthy;

        /// <summary>Every attempt, verified or not, answered or not.</summary>
        public ConcurrentQueue<Attempt> Attempts { get; } = new();

        /// <summary>Times a delivery arrived while one of this subscription from another node was still in flight.</summary>
        public int OverlappingNodes
        {
            get
            {
                lock (_lock)
                    return _overlaps.Count(o => o.Earlier.Node != o.Later.Node && !o.Earlier.Abandoned);
            }
        }

        /// <summary>Times a delivery arrived while another of the same ticketed event was still in flight (order at risk).</summary>
        public int OverlappingPerTicketedEvent
        {
            get
            {
                lock (_lock)
                    return _overlaps.Count(o => o.Earlier.EventId == o.Later.EventId && !o.Earlier.Abandoned);
            }
        }

        /// <summary>Attempts whose client closed the connection before the answer (the service's time-out).</summary>
        public int AbandonedCount
        {
            get
            {
                lock (_lock)
                    return _abandoned;
            }
        }

        /// <summary>Attempts whose signature did not verify with <see cref="Secret"/>.</summary>
        public int BadSignatureCount => Volatile.Read(ref BadSignatures);

        /// <summary>The deliveries answered 2xx, in the order they arrived (repeats included).</summary>
        public IReadOnlyList<Delivery> Accepted
        {
            get
            {
                lock (_lock)
                    return [.. _accepted];
            }
        }

        public int AttemptsOf(string id) => _attemptsById.GetValueOrDefault(id);

        // An overlap is a pair of requests in flight at once. It counts only while the earlier one's client is still
        // waiting for it: an attempt the service timed out and abandoned (its connection closed) may still be running
        // here when the retry arrives, and that is the retry the service meant, not two deliveries at once.
        internal Visit Enter(string node, long eventId)
        {
            var visit = new Visit(node, eventId);
            lock (_lock)
            {
                foreach (var earlier in _inFlight)
                    if (earlier.Node != node || earlier.EventId == eventId)
                        _overlaps.Add((earlier, visit));
                _inFlight.Add(visit);
            }
            return visit;
        }

        internal void Leave(Visit visit, bool abandoned)
        {
            lock (_lock)
            {
                visit.Abandoned = abandoned;
                if (abandoned)
                    _abandoned++;
                _inFlight.Remove(visit);
            }
        }

        internal int CountAttempt(string id) => _attemptsById.AddOrUpdate(id, 1, (_, n) => n + 1);

        internal void Accept(Delivery delivery)
        {
            lock (_lock)
                _accepted.Add(delivery);
        }
    }
}

/// <summary>One request in flight at an endpoint; abandoned when its client closed the connection before the answer.</summary>
internal sealed class Visit(string node, long eventId)
{
    public string Node { get; } = node;

    public long EventId { get; } = eventId;

    public bool Abandoned { get; set; }
}

/// <summary>
/// How an endpoint answers each message (counted per <c>webhook-id</c>): the first <see cref="SlowAttempts"/> attempts
/// after <see cref="SlowAnswer"/> (past the service's time-out), the next <see cref="FailingAttempts"/> with a 500,
/// then 204 after <see cref="Delay"/>; or always 500.
/// </summary>
public sealed record ReceiverBehaviour(int FailingAttempts = 0, int SlowAttempts = 0, TimeSpan SlowAnswer = default, TimeSpan Delay = default, bool AlwaysFail = false)
{
    public static readonly ReceiverBehaviour Healthy = new();

    public static readonly ReceiverBehaviour Dead = new(AlwaysFail: true);
}

/// <summary>One attempt as the receiver saw it.</summary>
public sealed record Attempt(string WebhookId, string Node, int Number, DateTime StartedAt);

/// <summary>One accepted delivery: the headers and body fields the receiver checks.</summary>
public sealed record Delivery(string WebhookId, string Node, string Type, long EventId, long? UserId, long Version, long Position, JsonElement Data, DateTime StartedAt, DateTime EndedAt)
{
    internal static Delivery Parse(string id, string node, string body, DateTime started, DateTime ended)
    {
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        return new Delivery(
            id, node, root.GetProperty("type").GetString()!, root.GetProperty("eventId").GetInt64(),
            root.GetProperty("userId").ValueKind == JsonValueKind.Null ? null : root.GetProperty("userId").GetInt64(),
            root.GetProperty("version").GetInt64(), root.GetProperty("position").GetInt64(), root.GetProperty("data").Clone(), started, ended);
    }
}
