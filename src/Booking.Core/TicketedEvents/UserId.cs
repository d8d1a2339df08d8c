using System.Text.Json.Serialization;
using Booking.Core.Serialization;

namespace Booking.Core.TicketedEvents;

/// <summary>Identifies the user who books or waits; ids are issued elsewhere and are always positive.</summary>
[JsonConverter(typeof(UserIdJsonConverter))]
public readonly record struct UserId
{
    public UserId(long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
        Value = value;
    }

    public long Value { get; }
}
