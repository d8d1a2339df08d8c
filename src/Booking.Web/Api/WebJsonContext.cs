using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;

namespace Booking.Web.Api;

/// <summary>Source-generated JSON for every response body: no reflection on the hot path.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(InitializeRequest))]
[JsonSerializable(typeof(BookingRequest))]
[JsonSerializable(typeof(CapacityRequest))]
[JsonSerializable(typeof(InitializeResponse))]
[JsonSerializable(typeof(BookingResponse))]
[JsonSerializable(typeof(CancelResponse))]
[JsonSerializable(typeof(StatusResponse))]
[JsonSerializable(typeof(HistoryResponse))]
[JsonSerializable(typeof(DebugCacheResponse))]
[JsonSerializable(typeof(ProblemDetails))]
[JsonSerializable(typeof(HttpValidationProblemDetails))]
internal sealed partial class WebJsonContext : JsonSerializerContext
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.TypeInfoResolverChain.Insert(0, Default);
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        // The web defaults read "1" as a number; the service refuses it (FieldErrors), and the OpenAPI document,
        // built from these options, would otherwise type every number as integer-or-string.
        options.NumberHandling = JsonNumberHandling.Strict;
    }
}
