using Booking.Core.Idempotency;
using Booking.Core.TicketedEvents;
using EventStore;

namespace Booking.Core.Processing;

internal sealed partial class TicketedEventProcessor
{
    // Decides the commands one after another, each on the state the ones before it left, then owes each idempotency key
    // its answer. Nothing here touches the store or the processor's state.
    private DecidedBatch Decide(List<QueuedCommand> batch, TicketedEventState decidedOn, IReadOnlyDictionary<string, IdempotencyRecord>? storedKeys)
    {
        var state = decidedOn;
        var events = new List<NewEvent>(batch.Count + 1);
        var seats = new Dictionary<string, SeatEntry?>(StringComparer.Ordinal);
        var results = new CommandResult?[batch.Count];
        HashSet<string>? decidedKeys = null;
        for (var i = 0; i < batch.Count; i++)
        {
            var command = batch[i];
            var keyed = command.Idempotency;
            // A key already answered (earlier in this batch, or stored by another writer) is never decided again.
            if (keyed is not null && ((decidedKeys?.Contains(keyed.DocumentId) ?? false) || (storedKeys?.ContainsKey(keyed.DocumentId) ?? false)))
            {
                results[i] = new CommandResult(Decision.Accept(), state);
                continue;
            }

            Decision decision;
            try
            {
                decision = TicketedEventDecider.Decide(state, command.Command);
            }
            catch (ArgumentException e)
            {
                command.Fail(e);
                continue;
            }

            foreach (var @event in decision.Events)
            {
                var before = state;
                state = TicketedEventState.Evolve(state, @event);
                SeatsProjection.Apply(before, @event, state.Version, seats);
                events.Add(new NewEvent(Guid.CreateVersion7(), @event, command.CorrelationId, command.CommandId));
            }

            results[i] = new CommandResult(decision, state);
            if (keyed is not null)
                (decidedKeys ??= new(StringComparer.Ordinal)).Add(keyed.DocumentId);
        }

        var answers = decidedKeys is null && storedKeys is null ? [] : AnswerKeys(batch, results, storedKeys);
        return new DecidedBatch(decidedOn.Version, state, events, seats, answers, results);
    }

    // Each keyed command decided here gets its answer formatted by its sender (IReplyFormat) and stored as a claim on the
    // key, in the batch's write; refusals too, because a retry must get the same answer even if the state has changed
    // since. A key answered earlier in the batch, or stored by another writer, gets that record instead (replay or
    // reused). The same order as the decisions, so "earlier" means the same command there and here.
    private List<ProjectionDocument> AnswerKeys(List<QueuedCommand> batch, CommandResult?[] results, IReadOnlyDictionary<string, IdempotencyRecord>? storedKeys)
    {
        var answers = new List<ProjectionDocument>();
        var answered = new Dictionary<string, IdempotencyRecord>(StringComparer.Ordinal);
        for (var i = 0; i < batch.Count; i++)
        {
            if (batch[i].Idempotency is not { } keyed || results[i] is not { } result)
                continue;
            if (answered.TryGetValue(keyed.DocumentId, out var earlier) || (storedKeys?.TryGetValue(keyed.DocumentId, out earlier) ?? false))
            {
                results[i] = result with { Idempotency = keyed.Against(earlier) };
                continue;
            }

            var record = new IdempotencyRecord(keyed.Key, keyed.Fingerprint, Id.Value, keyed.Reply.Format(result));
            answered[keyed.DocumentId] = record;
            answers.Add(new ProjectionDocument(IdempotencyRecord.Projection, keyed.DocumentId, record, MustBeNew: true));
            results[i] = result with { Idempotency = new IdempotentResult(IdempotencyOutcome.Stored, record) };
        }

        return answers;
    }
}
