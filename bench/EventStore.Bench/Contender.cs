using EventStore.MySql;

namespace EventStore.Bench;

/// <summary>A way of writing batches that a scenario measures: the store, the raw INSERT, or a diagnostic step between them.</summary>
internal sealed record Contender(string Name, Func<int, IBatchWriter> NewWriter)
{
    public const string RawName = "raw INSERT, autocommit";
    public const string StoreName = "store AppendAsync";

    public static IReadOnlyList<Contender> For(string connectionString, MySqlEventStore store, bool diagnose)
    {
        var contenders = new List<Contender>
        {
            new(RawName, batch => new ShapedWriter(connectionString, SqlShape.Raw, batch)),
            new(StoreName, batch => new StoreWriter(store, batch)),
        };
        if (diagnose)
            contenders.AddRange(SqlShape.Ladder.Select(shape => new Contender(shape.Name, batch => new ShapedWriter(connectionString, shape, batch))));
        return contenders;
    }
}
