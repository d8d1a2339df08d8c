using EventStore.Sqlite;

namespace EventStore.Tests.Bugs;

/// <summary>
/// Found with claimed documents: the SQLite append ran its statements with ExecuteScalar, which stops after the
/// first result (the last position) and lets a failure in a later statement (a document insert) go unnoticed, so the
/// transaction committed the events without the document.
/// </summary>
public sealed class SqliteAppendIgnoredFailuresAfterItsFirstResult(SqliteDatabase database) : IClassFixture<SqliteDatabase>
{
    [Fact]
    public async Task Append_whose_document_insert_fails_throws_and_commits_no_event()
    {
        using var store = new SqliteEventStore(database.ConnectionString, TestEvents.Map());
        var projection = $"claims-{Guid.NewGuid():N}";
        await store.AppendAsync(TestEvents.StreamId(), ExpectedVersion.NoStream, TestEvents.Numbers(1), [new ProjectionDocument(projection, "key", new Counter(1), MustBeNew: true)]);
        var stream = TestEvents.StreamId();

        await Should.ThrowAsync<WrongExpectedVersionException>(() =>
            store.AppendAsync(stream, ExpectedVersion.NoStream, TestEvents.Numbers(2), [new ProjectionDocument(projection, "key", new Counter(2), MustBeNew: true)]));

        (await store.GetStreamAsync(stream)).ShouldBeNull();
        (await store.ReadStreamAsync(stream)).ShouldBeEmpty();
    }
}
