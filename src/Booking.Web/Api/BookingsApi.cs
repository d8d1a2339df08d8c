using System.Globalization;
using Booking.Core.TicketedEvents;
using EventStore;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Booking.Web.Api;

/// <summary>
/// One ticketed event's seat holders and waiting list from the bookings read model (<see cref="SeatsProjection"/>):
/// holders in booking order, then waiting users in queue order, as one sequence paged by a cursor that names the
/// list and the version of the last entry returned (<c>booked-17</c>, <c>waiting-42</c>).
/// </summary>
public static class BookingsApi
{
    private static readonly string[] Lists = [SeatsProjection.Booked, SeatsProjection.Waiting];

    public static async Task<Results<Ok<BookingsResponse>, ProblemHttpResult>> GetBookings(
        string eventId, string? limit, string? after, string? status, IDocumentReader store, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var id = RouteEventId.Parse(eventId, errors);
        var max = (int?)errors.QueryInteger("limit", limit, SalesApi.DefaultLimit, 1, SalesApi.MaxLimit);
        var lists = status is null ? Lists : Lists.Where(l => l == status).ToArray();
        if (lists.Length == 0)
            errors.Add("status", "must be \"booked\" or \"waiting\" (or absent for both).");
        var cursor = after is null ? null : ParseCursor(after, lists, errors);
        if (errors.Any)
            return errors.AsProblem();
        if (await StatusApi.LoadAsync(store, id!.Value, cancellationToken) is null)
            return RouteEventId.NotFound(id.Value);

        // One entry past the page tells whether another page follows, in this list or the next.
        var entries = new List<SeatEntry>(max!.Value + 1);
        foreach (var list in lists.SkipWhile(l => cursor is { } c && l != c.List))
        {
            var from = cursor is { } c && c.List == list ? SeatsProjection.DocumentId(id.Value, list, c.Version) : null;
            var range = new DocumentRange(SeatsProjection.Prefix(id.Value, list), from, max.Value + 1 - entries.Count);
            entries.AddRange((await store.ListDocumentsAsync<SeatEntry>(SeatsProjection.Projection, range, cancellationToken)).Select(d => d.Document));
            if (entries.Count > max.Value)
                break;
        }

        var page = entries.Take(max.Value).Select(e => new BookingsEntry(e.UserId.Value, e.Status, e.Version)).ToList();
        var next = entries.Count > max.Value ? $"{page[^1].Status}-{page[^1].Version.ToString(CultureInfo.InvariantCulture)}" : null;
        return TypedResults.Ok(new BookingsResponse(id.Value.Value, page, next));
    }

    private static (string List, long Version)? ParseCursor(string after, string[] lists, FieldErrors errors)
    {
        var dash = after.LastIndexOf('-');
        if (dash > 0 && lists.Contains(after[..dash], StringComparer.Ordinal)
            && long.TryParse(after.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version >= 1)
        {
            return (after[..dash], version);
        }

        errors.Add("after", "must be the next value of a previous page (such as booked-17 or waiting-42) for the same status filter.");
        return null;
    }
}
