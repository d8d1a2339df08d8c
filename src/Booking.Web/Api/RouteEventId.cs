using System.Globalization;
using Booking.Core.TicketedEvents;

namespace Booking.Web.Api;

/// <summary>
/// The <c>{eventId}</c> of a route, read by hand rather than by a route constraint, so that a UUID, a word or 0 is a
/// 400 naming the field (as in a body) instead of a bare 404 for an unmatched route.
/// </summary>
internal static class RouteEventId
{
    public const string Field = "eventId";

    public static TicketedEventId? Parse(string text, FieldErrors errors, string field = Field)
    {
        // Digits only, without leading zeros: one id, one spelling (a cache or a log search never sees /status/007).
        if (text is [not '0', ..] && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= FieldErrors.MaxSafeInteger)
            return new TicketedEventId(value);
        errors.Add(field, $"must be a ticketed event id as returned by /api/events/initialize: a whole number from 1 to {FieldErrors.MaxSafeInteger.ToString("N0", CultureInfo.InvariantCulture)}.");
        return null;
    }

    /// <summary>The 404 for an id no ticketed event has.</summary>
    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NotFound(TicketedEventId id) =>
        JsonBody.Problem(StatusCodes.Status404NotFound, Problems.EventNotFound, "Event not found", $"No ticketed event has id {id}.");
}
