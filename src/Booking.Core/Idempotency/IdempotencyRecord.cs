using System.Security.Cryptography;
using System.Text;

namespace Booking.Core.Idempotency;

/// <summary>
/// The first answer to a request sent with an idempotency key, stored as a document (projection
/// <see cref="Projection"/>) in the same transaction as the events the request caused, or, for a refused request,
/// on its own at the stream version the refusal was decided at. Later requests with the key get it replayed.
/// </summary>
/// <param name="Key">The client's key, as sent.</param>
/// <param name="Fingerprint">What identifies the request (route and body), so a key reused for another request is caught.</param>
/// <param name="TicketedEventId">The ticketed event whose stream the request went to.</param>
/// <param name="Reply">The answer as first sent.</param>
public sealed record IdempotencyRecord(string Key, string Fingerprint, long TicketedEventId, IdempotentReply Reply)
{
    /// <summary>The projection (document kind) of idempotency records.</summary>
    public const string Projection = "idempotency-key";

    /// <summary>
    /// The document id of <paramref name="key"/>: its SHA-256 in hex, so any key fits the id column and ids stay ASCII.
    /// Keys are scoped to the whole service (the booking routes are anonymous, so there is no caller to scope them to).
    /// </summary>
    public static string DocumentId(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}

/// <summary>An answer as a client saw it: status code, Location (if any) and body (JSON text, byte for byte).</summary>
public sealed record IdempotentReply(int Status, string? Location, string Body);
