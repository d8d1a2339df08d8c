using System.Diagnostics;
using Booking.Core.Idempotency;
using Booking.Core.TicketedEvents;

namespace Booking.Core.Processing;

/// <summary>A command waiting in a processor's queue, with the caller's promise and ids for the audit trail.</summary>
internal sealed class QueuedCommand(TicketedEventCommand command, Guid correlationId, IdempotentRequest? idempotency = null)
{
    private readonly TaskCompletionSource<CommandResult> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TicketedEventCommand Command { get; } = command;

    /// <summary>The id of this command; each event it causes carries it as causation id.</summary>
    public Guid CommandId { get; } = Guid.CreateVersion7();

    public Guid CorrelationId { get; } = correlationId;

    /// <summary>
    /// The sender's activity (its request's), taken when the command is queued: the processor runs outside every
    /// request's context, so it logs this command's outcome under this activity to carry the request's trace id.
    /// </summary>
    public Activity? Activity { get; } = Activity.Current;

    /// <summary>The idempotency key the command was sent with, if any: its answer is stored with its events.</summary>
    public IdempotentRequest? Idempotency { get; } = idempotency;

    public Task<CommandResult> Result => _result.Task;

    public void Complete(CommandResult result) => _result.TrySetResult(result);

    public void Fail(Exception error) => _result.TrySetException(error);
}
