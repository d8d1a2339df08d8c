using System.Text.Json;
using Booking.Core.TicketedEvents;

namespace Booking.Web.Api;

/// <summary>Maps request bodies to commands by explicit code, collecting every field error on the way.</summary>
internal static class BookingRequests
{
    public const int MaxEventNameLength = 200;
    public const int MaxTickets = 1_000_000;

    /// <summary>{ "eventName": string, "totalTickets": integer }; the id comes later, from the store's sequence.</summary>
    public static (string Name, int TotalTickets)? ToInitialize(JsonElement body, FieldErrors errors)
    {
        OnlyKnownFields(body, errors, "eventName", "totalTickets");
        var name = errors.Text(body, "eventName", MaxEventNameLength);
        var tickets = errors.Integer(body, "totalTickets", 1, MaxTickets);
        return errors.Any ? null : (name!, (int)tickets!.Value);
    }

    /// <summary>{ "userId": integer, "eventId": integer }, for book and cancel alike.</summary>
    public static (TicketedEventId EventId, UserId UserId)? ToBooking(JsonElement body, FieldErrors errors)
    {
        OnlyKnownFields(body, errors, "userId", "eventId");
        var user = errors.Integer(body, "userId", 1, FieldErrors.MaxSafeInteger);
        var eventId = errors.Integer(body, "eventId", 1, FieldErrors.MaxSafeInteger);
        return errors.Any ? null : (new TicketedEventId(eventId!.Value), new UserId(user!.Value));
    }

    /// <summary>{ "totalTickets": integer }</summary>
    public static ChangeCapacity? ToChangeCapacity(JsonElement body, FieldErrors errors)
    {
        OnlyKnownFields(body, errors, "totalTickets");
        var tickets = errors.Integer(body, "totalTickets", 1, MaxTickets);
        return errors.Any ? null : new ChangeCapacity((int)tickets!.Value);
    }

    internal static void OnlyKnownFields(JsonElement body, FieldErrors errors, params string[] known)
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
