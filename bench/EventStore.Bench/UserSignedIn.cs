using System.Text.Json;
using System.Text.Json.Serialization;

namespace EventStore.Bench;

/// <summary>The benchmark's event: a realistic small fact whose payload is <c>{"userId":12345}</c> (16 bytes).</summary>
internal sealed record UserSignedIn(int UserId)
{
    public const string TypeName = "user-signed-in";

    public static EventTypeMap Map() =>
        new EventTypeMap(new JsonSerializerOptions(BenchJson.Default.Options)).Register(TypeName, typeof(UserSignedIn));

    /// <summary>A five-digit user id, so every payload has the same size.</summary>
    public static UserSignedIn Random() => new(System.Random.Shared.Next(10_000, 100_000));

    public string ToJson() => JsonSerializer.Serialize(this, BenchJson.Default.UserSignedIn);
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(UserSignedIn))]
internal sealed partial class BenchJson : JsonSerializerContext;
