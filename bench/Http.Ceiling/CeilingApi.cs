using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Http.Ceiling;

/// <summary>The request body of <c>POST /api/events/book</c>: { "userId": integer, "eventId": integer }.</summary>
internal sealed record BookingRequest(long UserId, long EventId);

/// <summary>The service's answer to a booking (Booking.Web's BookingResponse), always "booked" here.</summary>
internal sealed record BookingResponse(string Status, long EventId, long UserId, int? Position);

/// <summary>The booking route and nothing else: deserialize, then 201 with the answer the service would give.</summary>
internal static class CeilingApi
{
    public static IEndpointRouteBuilder MapCeilingApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/events/book", Book);
        return app;
    }

    public static async Task<Results<Created<BookingResponse>, BadRequest>> Book(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var booking = await request.ReadFromJsonAsync(CeilingJsonContext.Default.BookingRequest, cancellationToken);
            return booking is null
                ? TypedResults.BadRequest()
                : TypedResults.Created($"/api/events/status/{booking.EventId}", new BookingResponse("booked", booking.EventId, booking.UserId, null));
        }
        catch (JsonException)
        {
            return TypedResults.BadRequest();
        }
    }
}

/// <summary>Source-generated JSON, as the service has: no reflection on the hot path.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(BookingRequest))]
[JsonSerializable(typeof(BookingResponse))]
internal sealed partial class CeilingJsonContext : JsonSerializerContext
{
    // The answers are written with the HTTP options, not the context's own: "position" is left out only if they say so.
    public static void Configure(JsonSerializerOptions options)
    {
        options.TypeInfoResolverChain.Insert(0, Default);
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
    }
}
