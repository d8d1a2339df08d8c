using Booking.Core.Idempotency;
using Booking.Core.TicketedEvents;

namespace Booking.Core.Processing;

/// <summary>What became of one command: the decision, and the state right after its events (committed).</summary>
public sealed record CommandResult(Decision Decision, TicketedEventState StateAfter)
{
    /// <summary>
    /// For a command sent with an idempotency key: the stored answer, and whether it was stored now (the command was
    /// decided) or found already stored (the decision is then empty and nothing was written).
    /// </summary>
    public IdempotentResult? Idempotency { get; init; }
}
