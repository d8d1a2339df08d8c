using System.Text.Json;

namespace EventStore;

/// <summary>
/// The one map between stored event type names and CLR types. Names are stable across releases;
/// CLR type names never reach the database, so types can be renamed or moved freely.
/// </summary>
public sealed class EventTypeMap
{
    private readonly Dictionary<string, Type> _typesByName = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, string> _namesByType = [];

    /// <summary>Creates a map serializing with <paramref name="jsonOptions"/> (give it a source-generated resolver for speed).</summary>
    public EventTypeMap(JsonSerializerOptions jsonOptions)
    {
        ArgumentNullException.ThrowIfNull(jsonOptions);
        JsonOptions = jsonOptions;
        JsonOptions.MakeReadOnly(populateMissingResolver: true);
    }

    /// <summary>The options used for event payloads and documents.</summary>
    public JsonSerializerOptions JsonOptions { get; }

    /// <summary>Registers <paramref name="type"/> under the stable <paramref name="name"/>.</summary>
    public EventTypeMap Register(string name, Type type)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(type);
        if (!_typesByName.TryAdd(name, type) || !_namesByType.TryAdd(type, name))
            throw new ArgumentException($"Event type '{name}' ({type.Name}) is registered twice.", nameof(name));
        return this;
    }

    /// <summary>Registers every (name, type) pair of <paramref name="types"/>.</summary>
    public EventTypeMap RegisterAll(IEnumerable<KeyValuePair<string, Type>> types)
    {
        ArgumentNullException.ThrowIfNull(types);
        foreach (var (name, type) in types)
            Register(name, type);
        return this;
    }

    /// <summary>The stable name of <paramref name="type"/>.</summary>
    public string NameOf(Type type) =>
        _namesByType.TryGetValue(type, out var name)
            ? name
            : throw new InvalidOperationException($"Event type {type.FullName} is not registered in the event type map.");

    internal string Serialize(object data, out string typeName)
    {
        var type = data.GetType();
        typeName = NameOf(type);
        return JsonSerializer.Serialize(data, JsonOptions.GetTypeInfo(type));
    }

    internal object Deserialize(string typeName, string json)
    {
        if (!_typesByName.TryGetValue(typeName, out var type))
            throw new InvalidOperationException($"Stored event type '{typeName}' is not registered in the event type map.");
        return JsonSerializer.Deserialize(json, JsonOptions.GetTypeInfo(type))
            ?? throw new InvalidOperationException($"Stored event of type '{typeName}' has a null payload.");
    }

    internal string SerializeDocument(object? document) =>
        document is null ? Tombstone.Json : JsonSerializer.Serialize(document, JsonOptions.GetTypeInfo(document.GetType()));

    internal T DeserializeDocument<T>(string json) =>
        (T)(JsonSerializer.Deserialize(json, JsonOptions.GetTypeInfo(typeof(T)))
            ?? throw new InvalidOperationException($"Stored document of type {typeof(T).Name} is null."));
}
