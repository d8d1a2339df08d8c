using System.Diagnostics;
using Booking.Core.Idempotency;
using Booking.Core.Serialization;
using Booking.Core.Telemetry;
using Booking.Core.TicketedEvents;
using EventStore;
using Microsoft.Extensions.Logging;

namespace Booking.Core.Processing;

internal sealed partial class TicketedEventProcessor
{
    private const int CatchUpPageSize = 10_000;

    private async Task ProcessAsync(List<QueuedCommand> batch)
    {
        _metrics.Batch(batch.Count);
        using var activity = StartBatchActivity(batch);
        try
        {
            // Idempotency keys of this batch that another writer stored meanwhile; looked up only after a conflict,
            // because the sender checked every key just before queueing it.
            IReadOnlyDictionary<string, IdempotencyRecord>? storedKeys = null;
            for (var conflicts = 0; ; conflicts++)
            {
                if (_stale)
                    await CatchUpAsync().ConfigureAwait(false);

                var decided = Decide(batch, storedKeys);
                // Refusals append nothing, so no expected-version check vouches for the state they were decided on:
                // another process may have written since, and on Galera even a state read just now can be a write
                // behind. So the store confirms the version (on Galera with a write that certifies); if the stream has
                // moved on, catch up and decide again. (Keyed refusals are stored at the version they were decided at,
                // which is that check.) A stream that keeps moving gets MaxConflictRetries tries, then the answer rests
                // on the last state read.
                if (decided.Events.Count == 0 && decided.Answers.Count == 0 && conflicts < _options.MaxConflictRetries && await HasMovedOnAsync().ConfigureAwait(false))
                {
                    _stale = true;
                    continue;
                }

                if (decided.Events.Count > 0 || decided.Answers.Count > 0)
                {
                    try
                    {
                        await WriteAsync(decided).ConfigureAwait(false);
                    }
                    catch (WrongExpectedVersionException e) when (conflicts < _options.MaxConflictRetries)
                    {
                        // Another writer appended to this stream, or stored one of the batch's keys (with this stream
                        // or another): catch up, look the keys up, and decide the batch again.
                        _metrics.Conflict();
                        LogConflict(Id.Value, e.ActualVersion, _state.Version);
                        _stale = true;
                        storedKeys = await LoadStoredKeysAsync(batch).ConfigureAwait(false);
                        continue;
                    }

                    Volatile.Write(ref _state, decided.State);
                    if (decided.Events.Count > 0)
                        _lastEventId = decided.Events[^1].EventId;
                }

                Complete(batch, decided.Results);
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

    private DecidedBatch Decide(List<QueuedCommand> batch, IReadOnlyDictionary<string, IdempotencyRecord>? storedKeys)
    {
        var state = _state;
        var events = new List<NewEvent>(batch.Count + 1);
        var answers = new List<ProjectionDocument>();
        var seats = new Dictionary<string, SeatEntry?>(StringComparer.Ordinal);
        var answered = new Dictionary<string, IdempotencyRecord>(StringComparer.Ordinal);
        var results = new CommandResult?[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var command = batch[i];
            var keyed = command.Idempotency;
            // A key already answered (earlier in this batch, or stored by another writer) is never decided again.
            if (keyed is not null && (answered.TryGetValue(keyed.DocumentId, out var earlier) || (storedKeys?.TryGetValue(keyed.DocumentId, out earlier) ?? false)))
            {
                results[i] = new CommandResult(Decision.Accept(), state) { Idempotency = keyed.Against(earlier) };
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

            var result = new CommandResult(decision, state);
            if (keyed is not null)
            {
                // Refusals are stored too: a retry must get the same answer even if the state has changed since.
                var record = new IdempotencyRecord(keyed.Key, keyed.Fingerprint, Id.Value, keyed.Render(result));
                answered[keyed.DocumentId] = record;
                answers.Add(new ProjectionDocument(IdempotencyRecord.Projection, keyed.DocumentId, record, MustBeNew: true));
                result = result with { Idempotency = new IdempotentResult(IdempotencyOutcome.Stored, record) };
            }

            results[i] = result;
        }

        return new DecidedBatch(state, events, seats, answers, results);
    }

    // Events go with the status document, the bookings read model's changes and the batch's answers in one append. A batch that changed nothing but
    // owes answers (keyed refusals) stores them alone, on condition that the stream is still at the version they
    // were decided at.
    private async Task WriteAsync(DecidedBatch decided)
    {
        var expected = ExpectedVersion.Exactly(_state.Version);
        if (decided.Events.Count == 0)
        {
            await WithRetriesAsync(() => _store.SaveDocumentsAsync(Id.StreamId, expected, decided.Answers, _stopping)).ConfigureAwait(false);
            _metrics.Committed(0);
            return;
        }

        var status = new ProjectionDocument(BookingEventTypes.StatusProjection, Id.DocumentKey, TicketedEventStatus.From(decided.State));
        List<ProjectionDocument> documents = [status, .. SeatsProjection.ToDocuments(decided.Seats), .. decided.Answers];
        await WithRetriesAsync(() => _store.AppendAsync(Id.StreamId, expected, decided.Events, documents, _stopping)).ConfigureAwait(false);
        _metrics.Committed(decided.Events.Count);
    }

    private async Task WithRetriesAsync(Func<Task> write)
    {
        for (var attempt = 1; ; attempt++)
        {
            var startedAt = Stopwatch.GetTimestamp();
            try
            {
                await write().ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (e is not WrongExpectedVersionException and not OperationCanceledException && attempt < _options.MaxAppendAttempts)
            {
                _metrics.Retry();
                LogAppendRetry(e, Id.Value, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt), _stopping).ConfigureAwait(false);
            }
            finally
            {
                _metrics.Appended(startedAt);
            }
        }
    }

    private async Task<bool> HasMovedOnAsync() =>
        !await _store.ConfirmVersionAsync(Id.StreamId, _state.Version, _stopping).ConfigureAwait(false);

    private async Task<IReadOnlyDictionary<string, IdempotencyRecord>?> LoadStoredKeysAsync(List<QueuedCommand> batch)
    {
        Dictionary<string, IdempotencyRecord>? stored = null;
        foreach (var id in batch.Select(c => c.Idempotency?.DocumentId).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            if (await _store.LoadDocumentAsync<IdempotencyRecord>(IdempotencyRecord.Projection, id, _stopping).ConfigureAwait(false) is { } record)
                (stored ??= new(StringComparer.Ordinal))[id] = record.Document;
        }

        return stored;
    }

    // Reads on from the event the state ends with, and checks that it is still the one stored at that version.
    private async Task CatchUpAsync()
    {
        var state = _state;
        var lastEventId = _lastEventId;
        var from = state.Version;
        while (true)
        {
            var page = await _store.ReadStreamAsync(Id.StreamId, Math.Max(from, 1), CatchUpPageSize, _stopping).ConfigureAwait(false);
            var skip = 0;
            if (from == state.Version && state.Version > 0)
            {
                if (page.Count == 0 || page[0].EventId != lastEventId)
                {
                    LogDiverged(Id.Value, state.Version);
                    (state, lastEventId, from) = (TicketedEventState.Initial, null, 1);
                    continue;
                }

                skip = 1;
            }

            foreach (var recorded in page.Skip(skip))
            {
                state = TicketedEventState.Evolve(state, recorded.TicketedEvent());
                lastEventId = recorded.EventId;
            }

            if (page.Count < CatchUpPageSize)
                break;
            from = state.Version + 1;
        }

        Volatile.Write(ref _state, state);
        _lastEventId = lastEventId;
        _stale = false;
    }

    private void Complete(List<QueuedCommand> batch, CommandResult?[] results)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            if (results[i] is not { } result)
                continue;
            _metrics.Decided(batch[i].Command, result.Decision);
            // Every outcome line is Information: below that level, no scope is opened either.
            if (_logger.IsEnabled(LogLevel.Information))
            {
                using (new CommandLogScope(_logger, batch[i]))
                    Log(result);
            }

            batch[i].Complete(result);
        }
    }

    // Only when someone listens (tracing is on): a child of the first command's request, linked to the others'.
    private Activity? StartBatchActivity(List<QueuedCommand> batch)
    {
        if (!BookingTracing.Source.HasListeners())
            return null;
        var links = batch.Skip(1).Where(c => c.Activity is not null).Select(c => new ActivityLink(c.Activity!.Context)).ToList();
        var activity = BookingTracing.Source.StartActivity("process batch", ActivityKind.Internal, batch[0].Activity?.Context ?? default, links: links);
        activity?.SetTag("eventbooking.ticketed_event.id", Id.Value);
        activity?.SetTag("eventbooking.batch.size", batch.Count);
        return activity;
    }

    private sealed record DecidedBatch(
        TicketedEventState State, List<NewEvent> Events, Dictionary<string, SeatEntry?> Seats, List<ProjectionDocument> Answers, CommandResult?[] Results);
}
