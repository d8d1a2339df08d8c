using System.Text.Json.Serialization;

namespace Booking.Web.Api;

/// <summary>A page of ticketed events, newest first; <c>next</c> is the <c>after</c> of the next page, null on the last.</summary>
public sealed record EventListResponse(
    IReadOnlyList<StatusResponse> Events,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] long? Next);

/// <summary>
/// A page of one ticketed event's seat holders (in booking order) followed by its waiting list (in queue order);
/// <c>next</c> is the <c>after</c> of the next page, null on the last.
/// </summary>
public sealed record BookingsResponse(
    long EventId,
    IReadOnlyList<BookingsEntry> Bookings,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Next);

/// <summary>
/// One user of a ticketed event: <c>status</c> is "booked" or "waiting"; <c>version</c> is the stream version at
/// which they got the seat (booked or promoted) or joined the queue, as in the history.
/// </summary>
public sealed record BookingsEntry(long UserId, string Status, long Version);
