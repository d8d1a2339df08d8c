using System.Diagnostics;
using Booking.Core.Idempotency;
using Booking.Core.Telemetry;
using Booking.Core.TicketedEvents;
using EventStore;
using Microsoft.Extensions.Logging;

namespace Booking.Core.Processing;

internal sealed partial class TicketedEventProcessor
{
    private async Task ProcessAsync(List<QueuedCommand> batch)
    {
        _metrics.Batch(batch.Count);
        using var activity = StartBatchActivity(batch);
        try
        {
            // Idempotency keys of this batch that another writer stored meanwhile; looked up only after a refused write,
            // because the sender checked every key just before queueing it.
            IReadOnlyDictionary<string, IdempotencyRecord>? storedKeys = null;
            // Both reasons to decide again mean another writer got to the stream first, so they share one budget: a
            // stream that keeps moving gets MaxConflictRetries re-decisions, then a refused write fails the batch and a
            // batch that writes nothing is answered from the last state read.
            for (var redecisions = 0; ; redecisions++)
            {
                var mayRedecide = redecisions < _options.MaxConflictRetries;
                var decided = Decide(batch, await _stream.CurrentAsync().ConfigureAwait(false), storedKeys);
                var writing = decided.WritesNothing ? StreamMovedOnAsync(decided, mayRedecide) : TryWriteAsync(decided, mayRedecide);
                LogAndAnswer();
                var redecide = await writing.ConfigureAwait(false);
                if (redecide is null)
                {
                    _unanswered = (batch, decided.Results);
                    return;
                }

                _stream.MarkStale();
                if (redecide == Redecision.WriteRefused)
                    storedKeys = await LoadStoredKeysAsync(batch).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogAndAnswer();
            _stream.MarkStale();
            LogBatchFailed(e, Id.Value, batch.Count);
            FailAll(batch, new BookingUnavailableException(FailureDetail(e), TimeSpan.FromSeconds(1), e));
        }
    }

    /// <summary>Why a batch is decided again: another writer got to the stream first, seen one of two ways.</summary>
    private enum Redecision
    {
        /// <summary>The batch writes nothing, and the store says the stream is past the version it was decided at.</summary>
        StreamMovedOn,

        /// <summary>The store refused the batch's write: another writer appended, or stored one of the batch's keys.</summary>
        WriteRefused,
    }

    // Refusals append nothing, so no expected-version check vouches for the state they were decided on: another process
    // may have written since, and on Galera even a state read just now can be a write behind. So the store confirms the
    // version (on Galera with a write that certifies). (Keyed refusals are stored at the version they were decided at,
    // which is that check, so they take the write path.)
    private async Task<Redecision?> StreamMovedOnAsync(DecidedBatch decided, bool mayRedecide) =>
        mayRedecide && !await _store.ConfirmVersionAsync(Id.StreamId, decided.DecidedAt, _stopping).ConfigureAwait(false)
            ? Redecision.StreamMovedOn
            : null;

    private async Task<Redecision?> TryWriteAsync(DecidedBatch decided, bool mayRedecide)
    {
        try
        {
            await WriteAsync(decided).ConfigureAwait(false);
        }
        catch (WrongExpectedVersionException e) when (mayRedecide)
        {
            // Another writer appended to this stream, or stored one of the batch's keys (with this stream or another).
            _metrics.Conflict();
            LogConflict(Id.Value, e.ActualVersion, decided.DecidedAt);
            return Redecision.WriteRefused;
        }

        _stream.Committed(decided.State, decided.Events);
        return null;
    }

    // Conflicts that kept coming mean nothing was written. Any other failure may have struck after the commit (the
    // database died before answering), so the outcome stays unknown until the stream is read again; a retry tells.
    private static string FailureDetail(Exception e) => e is WrongExpectedVersionException
        ? "The request could not be stored; it was not carried out. Try again."
        : "The database failed while storing the request, so whether it was carried out is unknown. Retrying is safe: " +
          "a booking that was stored answers 409 already-booked (or already-waiting), a cancel that was stored answers 404.";

    // A committed batch's callers are answered, each after its outcome line and metrics, once the next batch's write is
    // on its way or the queue is empty, so that neither is between one commit and the next append. The lines come
    // before the answers because each is logged under its request's activity (for the trace id), which ends with the
    // request.
    private void LogAndAnswer()
    {
        if (_unanswered is not var (batch, results))
            return;
        _unanswered = null;
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

    /// <summary>A batch decided on the state at <paramref name="DecidedAt"/>: what to write, and each command's result (null: failed).</summary>
    private sealed record DecidedBatch(
        long DecidedAt, TicketedEventState State, List<NewEvent> Events, Dictionary<string, SeatEntry?> Seats, List<ProjectionDocument> Answers,
        CommandResult?[] Results)
    {
        /// <summary>No event and no answer to store: the batch only refused, without idempotency keys.</summary>
        public bool WritesNothing => Events.Count == 0 && Answers.Count == 0;
    }
}
