using System.Text.Json.Serialization;

namespace Booking.Web.Api;

/// <summary>
/// One page of a ticketed event's recorded events, in version order. <c>nextFromVersion</c> is the
/// <c>fromVersion</c> of the next page, written as null once the last recorded event has been returned.
/// </summary>
public sealed record HistoryResponse(
    long EventId,
    long FromVersion,
    int Limit,
    IReadOnlyList<HistoryEntry> Events,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] long? NextFromVersion);

/// <summary>
/// A recorded event as the audit trail shows it: <c>type</c> is the stable stored name, <c>recordedAt</c> is UTC,
/// <c>userId</c> is there when the event concerns a user, and <c>data</c> holds the event's other fields.
/// </summary>
public sealed record HistoryEntry(
    long Version,
    long Position,
    string Type,
    DateTime RecordedAt,
    long? UserId,
    HistoryEntryData Data,
    Guid? CorrelationId,
    Guid? CausationId);

/// <summary>The fields of an event besides its user: the name and tickets of <c>tickets-initialized</c>, the tickets of <c>capacity-changed</c>, otherwise empty.</summary>
public sealed record HistoryEntryData(string? EventName = null, int? TotalTickets = null);
