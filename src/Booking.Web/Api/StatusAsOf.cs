using System.Globalization;
using System.Text.RegularExpressions;
using Booking.Core.TicketedEvents;
using EventStore;

namespace Booking.Web.Api;

/// <summary>
/// A point in a ticketed event's history: a stream version (the events up to and including it) or a UTC time (the
/// events recorded at or before it). A time takes the longest such prefix of the stream, so a clock that stepped
/// back between appends can never fold a later event without an earlier one.
/// </summary>
internal sealed partial record StatusAsOf(long? Version, DateTimeOffset? Time)
{
    public const string Field = "asOf";

    private const int PageSize = 1000;

    public static StatusAsOf? Parse(string text, FieldErrors errors)
    {
        if (text.Length > 0 && text.All(char.IsAsciiDigit))
        {
            if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version is >= 1 and <= FieldErrors.MaxSafeInteger)
                return new StatusAsOf(version, null);
            errors.Add(Field, $"must be a stream version from 1 to {FieldErrors.MaxSafeInteger.ToString("N0", CultureInfo.InvariantCulture)}.");
            return null;
        }

        if (IsoTimeWithOffset().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return new StatusAsOf(null, time);
        }

        errors.Add(Field, "must be a stream version (a whole number of 1 or more) or an ISO-8601 time with Z or an offset, "
            + "such as 2030-01-31T18:00:00Z (send '+' as %2B).");
        return null;
    }

    /// <summary>
    /// Folds the stream up to this point with <see cref="StatusProjection"/>, a page at a time. The status is null
    /// when no event falls before this point; <c>StreamExists</c> then tells "not yet" from "never".
    /// </summary>
    public async Task<(TicketedEventStatus? Status, bool StreamExists)> FoldAsync(
        IEventReader store, TicketedEventId id, CancellationToken cancellationToken)
    {
        TicketedEventStatus? status = null;
        var streamExists = false;
        var from = 1L;
        while (true)
        {
            // Versions are contiguous from 1, so a version point never needs to read past itself.
            var count = Version is { } version ? (int)Math.Min(PageSize, version - from + 1) : PageSize;
            if (count <= 0)
                return (status, streamExists);
            var page = await store.ReadStreamAsync(id.StreamId, from, count, cancellationToken);
            streamExists |= page.Count > 0;
            foreach (var recorded in page)
            {
                if (!Includes(recorded))
                    return (status, streamExists);
                status = StatusProjection.Apply(status, recorded.TicketedEvent());
            }

            if (page.Count < count)
                return (status, streamExists);
            from += count;
        }
    }

    public override string ToString() =>
        Version is { } version ? $"version {version}" : Time!.Value.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private bool Includes(RecordedEvent recorded) =>
        Version is { } version ? recorded.Version <= version : recorded.RecordedAt <= Time!.Value.UtcDateTime;

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,7})?(Z|[+-][0-9]{2}:[0-9]{2})$")]
    private static partial Regex IsoTimeWithOffset();
}
