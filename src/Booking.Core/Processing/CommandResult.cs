using Booking.Core.TicketedEvents;

namespace Booking.Core.Processing;

/// <summary>What became of one command: the decision, and the state right after its events (committed).</summary>
public sealed record CommandResult(Decision Decision, TicketedEventState StateAfter);
