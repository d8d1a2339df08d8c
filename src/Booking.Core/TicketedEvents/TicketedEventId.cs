using System.Globalization;
using System.Text.Json.Serialization;
using Booking.Core.Serialization;

namespace Booking.Core.TicketedEvents;

/// <summary>
/// Identifies a ticketed event (the show), and through it the stream that records its history: a positive number the
/// store hands out in creation order (ADR 0010).
/// </summary>
[JsonConverter(typeof(TicketedEventIdJsonConverter))]
public readonly record struct TicketedEventId
{
    /// <summary>The sequence the store numbers ticketed events from.</summary>
    public const string Sequence = "ticketed-event";

    /// <summary>The prefix of every ticketed event's stream id.</summary>
    public const string StreamPrefix = "ticketed-event-";

    public TicketedEventId(long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
        Value = value;
    }

    public long Value { get; }

    public string StreamId => StreamPrefix + Value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The id of this event's read-model documents: zero-padded so that the store's ordinal id order is the numeric
    /// order (newest first is a descending range).
    /// </summary>
    public string DocumentKey => Value.ToString("D19", CultureInfo.InvariantCulture);

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The ticketed event a stream records, if it is a ticketed event's stream.</summary>
    public static TicketedEventId? FromStreamId(string streamId) =>
        streamId.StartsWith(StreamPrefix, StringComparison.Ordinal)
        && long.TryParse(streamId.AsSpan(StreamPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? new TicketedEventId(value)
            : null;
}
