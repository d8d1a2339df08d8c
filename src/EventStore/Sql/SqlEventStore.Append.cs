using System.Data.Common;

namespace EventStore.Sql;

public abstract partial class SqlEventStore
{
    /// <inheritdoc />
    public Task<AppendResult> AppendAsync(
        string streamId,
        ExpectedVersion expected,
        IReadOnlyList<NewEvent> events,
        IReadOnlyList<ProjectionDocument>? documents = null,
        CancellationToken cancellationToken = default) =>
        WriteAppendAsync(PreparedAppend.Create(streamId, events, documents, Types, Time), expected, cancellationToken);

    /// <summary>
    /// Writes <paramref name="append"/> if its stream satisfies <paramref name="expected"/>; a refusal is answered by
    /// <see cref="RefusedAppendAsync"/>.
    /// </summary>
    private protected abstract Task<AppendResult> WriteAppendAsync(PreparedAppend append, ExpectedVersion expected, CancellationToken cancellationToken);

    /// <summary>
    /// The answer to an append that was refused (nothing written, the transaction rolled back): a retry of one that was
    /// stored gets the original result, anything else is a conflict at the stream's actual version
    /// (<paramref name="actualVersion"/>, read here when not known).
    /// </summary>
    private protected static async Task<AppendResult> RefusedAppendAsync(
        DbConnection connection, PreparedAppend append, ExpectedVersion expected, long? actualVersion, Exception? cause, CancellationToken cancellationToken)
    {
        IReadOnlyList<StoredEventIdentity> stored;
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = SqlStatements.SelectEventIdentities(append.Events, command);
            stored = await command.ReadRowsAsync(
                row => new StoredEventIdentity(Guids.FromBytes((byte[])row[0]), row.GetString(1), row.GetInt64(2), row.GetInt64(3)), cancellationToken).ConfigureAwait(false);
        }

        if (IdempotentAppend.OriginalResult(append, stored) is { } original)
            return original;
        var actual = actualVersion ?? await StreamVersionAsync(connection, append.StreamId, cancellationToken).ConfigureAwait(false);
        throw new WrongExpectedVersionException(append.StreamId, expected, actual, cause);
    }

    /// <summary>The stream's version, 0 if it does not exist.</summary>
    private protected static async Task<long> StreamVersionAsync(DbConnection connection, string streamId, CancellationToken cancellationToken)
    {
        await using var command = connection.NewCommand(SqlStatements.SelectStreamVersion).With("@stream", streamId);
        return await command.FirstInt64Async(cancellationToken).ConfigureAwait(false) ?? 0;
    }
}
