using System.Text.Json;

namespace EventStore.Tests;

public sealed record SomethingHappened(string Text);

public sealed record NumberAdded(int Value);

public sealed record Unregistered(string Text);

public sealed record Counter(int Count);

public static class TestEvents
{
    public static EventTypeMap Map() => new EventTypeMap(new JsonSerializerOptions(JsonSerializerDefaults.Web))
        .Register("something-happened", typeof(SomethingHappened))
        .Register("number-added", typeof(NumberAdded));

    public static NewEvent Something(string text = "hello") => NewEvent.For(new SomethingHappened(text));

    public static NewEvent[] Numbers(int count) =>
        Enumerable.Range(1, count).Select(i => NewEvent.For(new NumberAdded(i))).ToArray();

    public static string StreamId(string name = "stream") => $"{name}-{Guid.NewGuid():N}";
}
