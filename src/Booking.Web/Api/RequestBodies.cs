using System.ComponentModel.DataAnnotations;

namespace Booking.Web.Api;

// The wire shape of each request body, for the OpenAPI document only: the handlers read bodies by hand with
// JsonBody and BookingRequests, so that every field error is reported; routes name these with DescribesBody.

/// <summary>Creates a ticketed event; its id comes from the store's sequence and is in the answer.</summary>
public sealed record InitializeRequest(
    [property: MaxLength(BookingRequests.MaxEventNameLength)] string EventName,
    [property: Range(1, BookingRequests.MaxTickets)] int TotalTickets);

/// <summary>Books a ticket for, or cancels the booking of, one user.</summary>
public sealed record BookingRequest(
    [property: Range(1, FieldErrors.MaxSafeInteger)] long UserId,
    [property: Range(1, FieldErrors.MaxSafeInteger)] long EventId);

/// <summary>The new number of tickets.</summary>
public sealed record CapacityRequest([property: Range(1, BookingRequests.MaxTickets)] int TotalTickets);
