using Booking.Core.Processing;

namespace Booking.Core.Idempotency;

/// <summary>
/// What a command sent with an idempotency key carries: the key, the request's fingerprint, and its sender's
/// <see cref="IReplyFormat"/>, which words the command's result as the answer stored with its events (so the first
/// answer and every replay agree).
/// </summary>
public sealed record IdempotentRequest(string Key, string Fingerprint, IReplyFormat Reply)
{
    public string DocumentId { get; } = IdempotencyRecord.DocumentId(Key);

    /// <summary>What a request with this key gets, given the record stored for the key (if any).</summary>
    public IdempotentResult Against(IdempotencyRecord stored) =>
        string.Equals(stored.Fingerprint, Fingerprint, StringComparison.Ordinal)
            ? new(IdempotencyOutcome.Replayed, stored)
            : new(IdempotencyOutcome.KeyReused, stored);
}

/// <summary>
/// How a sender words a command's result for its client: status, Location and body, byte for byte. The processor asks
/// for it once the whole batch is decided and stores the reply in the same transaction as the events; what the wording
/// is (HTTP status codes, JSON) is the sender's (Booking.Web's routes), not the processor's.
/// </summary>
public interface IReplyFormat
{
    IdempotentReply Format(CommandResult result);
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
