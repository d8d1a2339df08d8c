using System.Diagnostics;
using Booking.Core.Idempotency;
using Booking.Core.Serialization;
using Booking.Core.TicketedEvents;
using EventStore;

namespace Booking.Core.Processing;

internal sealed partial class TicketedEventProcessor
{
    // Events go with the status document, the bookings read model's changes and the batch's answers in one append. A
    // batch that changed nothing but owes answers (keyed refusals) stores them alone, on condition that the stream is
    // still at the version they were decided at.
    private async Task WriteAsync(DecidedBatch decided)
    {
        var expected = ExpectedVersion.Exactly(decided.DecidedAt);
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

    // A store failure is retried with the same event ids (the append is idempotent); a refused write is not a failure.
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
}
