using Booking.Core.Processing;

namespace Booking.Core.Idempotency;

/// <summary>
/// What a command sent with an idempotency key carries: the key, the request's fingerprint, and how to turn the
/// command's result into the answer that is stored with its events (so the first answer and every replay agree).
/// </summary>
public sealed record IdempotentRequest(string Key, string Fingerprint, Func<CommandResult, IdempotentReply> Render)
{
    public string DocumentId { get; } = IdempotencyRecord.DocumentId(Key);

    /// <summary>What a request with this key gets, given the record stored for the key (if any).</summary>
    public IdempotentResult Against(IdempotencyRecord stored) =>
        string.Equals(stored.Fingerprint, Fingerprint, StringComparison.Ordinal)
            ? new(IdempotencyOutcome.Replayed, stored)
            : new(IdempotencyOutcome.KeyReused, stored);
}

/// <summary>How a request with an idempotency key was answered.</summary>
public enum IdempotencyOutcome
{
    /// <summary>First use of the key: the command ran and its answer was stored with its events.</summary>
    Stored,

    /// <summary>The key was used before for the same request: the stored answer, nothing ran.</summary>
    Replayed,

    /// <summary>The key was used before for another request (route or body): nothing ran.</summary>
    KeyReused,

    /// <summary>A request with the key is still being processed in this service: nothing ran.</summary>
    KeyInFlight,
}

/// <summary>The outcome, and the record it rests on (none when the key is in flight).</summary>
public sealed record IdempotentResult(IdempotencyOutcome Outcome, IdempotencyRecord? Record);
