using System.Data.Common;

namespace EventStore.Sql;

public abstract partial class SqlEventStore
{
    /// <summary>The global order's header read: each provider tests "is this type asked for" in its own SQL.</summary>
    private protected abstract string ReadAllHeadersSql { get; }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(
        string streamId, long fromVersion = 1, int maxCount = int.MaxValue, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        return await QueryAsync(
            connection => connection.NewCommand(SqlStatements.ReadStream).With("@stream", streamId).With("@from", fromVersion).With("@max", maxCount),
            ToRecordedEvent, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<RecordedEvent>> ReadAllAsync(long fromPosition, int maxCount, CancellationToken cancellationToken = default) =>
        ReadGlobalOrderAsync(SqlStatements.ReadAll, fromPosition, maxCount, null, ToRecordedEvent, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<EventHeader>> ReadAllHeadersAsync(
        long fromPosition, int maxCount, IReadOnlySet<string> payloadTypes, CancellationToken cancellationToken = default)
    {
        var types = PayloadTypeList.Format(payloadTypes);
        return await ReadGlobalOrderAsync(ReadAllHeadersSql, fromPosition, maxCount, types, ToEventHeader, cancellationToken).ConfigureAwait(false);
    }

    // A plain read of the global order is a prefix of it (see SqlStatements.ReadAll).
    private async Task<IReadOnlyList<T>> ReadGlobalOrderAsync<T>(
        string sql, long fromPosition, int maxCount, string? types, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        return await QueryAsync(
            connection =>
            {
                var command = connection.NewCommand(sql).With("@from", fromPosition).With("@max", maxCount);
                return types is null ? command : command.With("@types", types);
            },
            map, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<long> ReadHeadPositionAsync(CancellationToken cancellationToken = default)
    {
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = connection.NewCommand(SqlStatements.HeadPosition);
            return await command.FirstInt64Async(cancellationToken).ConfigureAwait(false) ?? 0;
        }
    }

    /// <inheritdoc />
    public async Task<StreamMetadata?> GetStreamAsync(string streamId, CancellationToken cancellationToken = default)
    {
        var streams = await QueryAsync(
            connection => connection.NewCommand(SqlStatements.SelectStream).With("@stream", streamId),
            row => new StreamMetadata(row.GetString(0), row.GetInt64(1), ReadTime(row, 2), ReadTime(row, 3)), cancellationToken).ConfigureAwait(false);
        return streams.Count > 0 ? streams[0] : null;
    }

    /// <inheritdoc />
    /// <remarks>A read: on one server, or one writer at a time, every commit is visible to it.</remarks>
    public virtual async Task<bool> ConfirmVersionAsync(string streamId, long version, CancellationToken cancellationToken = default) =>
        ((await GetStreamAsync(streamId, cancellationToken).ConfigureAwait(false))?.Version ?? 0) == version;

    private EventHeader ToEventHeader(DbDataReader row)
    {
        var type = row.GetString(3);
        return new EventHeader(row.GetInt64(0), row.GetString(1), row.GetInt64(2), type, row.IsDBNull(4) ? null : Types.Deserialize(type, row.GetString(4)));
    }

    private RecordedEvent ToRecordedEvent(DbDataReader row)
    {
        var type = row.GetString(4);
        return new RecordedEvent(
            EventId: Guids.FromBytes((byte[])row[1]),
            StreamId: row.GetString(2),
            Version: row.GetInt64(3),
            Position: row.GetInt64(0),
            EventType: type,
            Data: Types.Deserialize(type, row.GetString(5)),
            RecordedAt: ReadTime(row, 8),
            CorrelationId: row.IsDBNull(6) ? null : Guids.FromBytes((byte[])row[6]),
            CausationId: row.IsDBNull(7) ? null : Guids.FromBytes((byte[])row[7]));
    }
}
