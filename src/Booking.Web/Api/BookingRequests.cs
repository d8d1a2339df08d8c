using System.Text.Json;
using Booking.Core.TicketedEvents;

namespace Booking.Web.Api;

/// <summary>Maps request bodies to commands by explicit code, collecting every field error on the way.</summary>
internal static class BookingRequests
{
    public const int MaxEventNameLength = 200;
    public const int MaxTickets = 1_000_000;

    /// <summary>{ "eventName": string, "totalTickets": integer }</summary>
    public static InitializeTickets? ToInitialize(JsonElement body, FieldErrors errors, TicketedEventId newId)
    {
        OnlyKnownFields(body, errors, "eventName", "totalTickets");
        var name = errors.Text(body, "eventName", MaxEventNameLength);
        var tickets = errors.Integer(body, "totalTickets", 1, MaxTickets);
        return errors.Any ? null : new InitializeTickets(newId, name!, (int)tickets!.Value);
    }

    /// <summary>{ "userId": integer, "eventId": string }, for book and cancel alike.</summary>
    public static (TicketedEventId EventId, UserId UserId)? ToBooking(JsonElement body, FieldErrors errors)
    {
        OnlyKnownFields(body, errors, "userId", "eventId");
        var user = errors.Integer(body, "userId", 1, FieldErrors.MaxSafeInteger);
        var eventId = errors.Id(body, "eventId");
        return errors.Any ? null : (new TicketedEventId(eventId!.Value), new UserId(user!.Value));
    }

    private static void OnlyKnownFields(JsonElement body, FieldErrors errors, params string[] known)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in body.EnumerateObject())
        {
            if (!known.Contains(property.Name, StringComparer.Ordinal))
                errors.Add(property.Name, "is not a known field.");
            else if (!seen.Add(property.Name))
                errors.Add(property.Name, "appears more than once.");
        }
    }
}
