using System.Text.Json.Serialization;
using Booking.Core.Idempotency;
using Booking.Core.TicketedEvents;

namespace Booking.Core.Serialization;

/// <summary>
/// Source-generated contracts for everything this project puts on the wire or in the store, so
/// (de)serialization needs no reflection and a renamed property shows up as a compile-time change here.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(TicketsInitialized))]
[JsonSerializable(typeof(TicketBooked))]
[JsonSerializable(typeof(WaitlistJoined))]
[JsonSerializable(typeof(BookingCancelled))]
[JsonSerializable(typeof(WaitlistLeft))]
[JsonSerializable(typeof(WaitlistPromoted))]
[JsonSerializable(typeof(CapacityChanged))]
[JsonSerializable(typeof(SalesClosed))]
[JsonSerializable(typeof(SalesReopened))]
[JsonSerializable(typeof(TicketedEventStatus))]
[JsonSerializable(typeof(SeatEntry))]
[JsonSerializable(typeof(IdempotencyRecord))]
public sealed partial class BookingJsonContext : JsonSerializerContext;
