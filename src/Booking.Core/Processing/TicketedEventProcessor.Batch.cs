using Booking.Core.Serialization;
using Booking.Core.TicketedEvents;
using EventStore;

namespace Booking.Core.Processing;

internal sealed partial class TicketedEventProcessor
{
    private const int CatchUpPageSize = 10_000;

    private async Task ProcessAsync(List<QueuedCommand> batch)
    {
        try
        {
            for (var conflicts = 0; ; conflicts++)
            {
                if (_stale)
                    await CatchUpAsync().ConfigureAwait(false);

                var (state, events, results) = Decide(batch);
                if (events.Count > 0)
                {
                    try
                    {
                        await AppendAsync(state, events).ConfigureAwait(false);
                    }
                    catch (WrongExpectedVersionException e) when (conflicts < _options.MaxConflictRetries)
                    {
                        LogConflict(Id.Value, e.ActualVersion, _state.Version);
                        _stale = true;
                        continue;
                    }

                    Volatile.Write(ref _state, state);
                }

                Complete(batch, results);
                return;
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _stale = true;
            LogBatchFailed(e, Id.Value, batch.Count);
            // The last attempt may have committed before the connection died: say so, never "it was not made".
            FailAll(batch, new BookingUnavailableException(
                "The database failed while storing this command, so it may or may not have been applied. Try again: a booking or cancellation is never applied twice.",
                TimeSpan.FromSeconds(1), e));
        }
    }

    private (TicketedEventState State, List<NewEvent> Events, CommandResult?[] Results) Decide(List<QueuedCommand> batch)
    {
        var state = _state;
        var events = new List<NewEvent>(batch.Count + 1);
        var results = new CommandResult?[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var command = batch[i];
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
                state = TicketedEventState.Evolve(state, @event);
                events.Add(new NewEvent(Guid.CreateVersion7(), @event, command.CorrelationId, command.CommandId));
            }

            results[i] = new CommandResult(decision, state);
        }

        return (state, events, results);
    }

    private async Task AppendAsync(TicketedEventState state, List<NewEvent> events)
    {
        var status = new ProjectionDocument(BookingEventTypes.StatusProjection, Id.Value.ToString(), TicketedEventStatus.From(state));
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _store.AppendAsync(Id.StreamId, ExpectedVersion.Exactly(_state.Version), events, [status], _stopping).ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (e is not WrongExpectedVersionException and not OperationCanceledException && attempt < _options.MaxAppendAttempts)
            {
                LogAppendRetry(e, Id.Value, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt), _stopping).ConfigureAwait(false);
            }
        }
    }

    private async Task CatchUpAsync()
    {
        var state = _state;
        while (true)
        {
            var page = await _store.ReadStreamAsync(Id.StreamId, state.Version + 1, CatchUpPageSize, _stopping).ConfigureAwait(false);
            foreach (var recorded in page)
                state = TicketedEventState.Evolve(state, recorded.Data);
            if (page.Count < CatchUpPageSize)
                break;
        }

        Volatile.Write(ref _state, state);
        _stale = false;
    }

    private void Complete(List<QueuedCommand> batch, CommandResult?[] results)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            if (results[i] is not { } result)
                continue;
            Log(result);
            batch[i].Complete(result);
        }
    }
}
