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
                var readAfterQueued = _stale;
                if (_stale)
                    await CatchUpAsync().ConfigureAwait(false);

                var (state, events, results) = Decide(batch);
                // Refusals append nothing, so no expected-version check vouches for the state they were decided on:
                // another process may have written since. Unless that state was read after the commands were
                // queued, ask the store whether it has moved on, and if so catch up and decide again.
                if (events.Count == 0 && !readAfterQueued && await HasMovedOnAsync().ConfigureAwait(false))
                {
                    _stale = true;
                    continue;
                }

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
            FailAll(batch, new BookingUnavailableException(FailureDetail(e), TimeSpan.FromSeconds(1), e));
        }
    }

    // Conflicts that kept coming mean nothing was written. Any other failure may have struck after the commit (the
    // database died before answering), so the outcome stays unknown until the stream is read again; a retry tells.
    private static string FailureDetail(Exception e) => e is WrongExpectedVersionException
        ? "The request could not be stored; it was not carried out. Try again."
        : "The database failed while storing the request, so whether it was carried out is unknown. Retrying is safe: " +
          "a booking that was stored answers 409 already-booked (or already-waiting), a cancel that was stored answers 404.";

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

    private async Task<bool> HasMovedOnAsync()
    {
        var stream = await _store.GetStreamAsync(Id.StreamId, _stopping).ConfigureAwait(false);
        return (stream?.Version ?? 0) != _state.Version;
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
