using System.Data.Common;
using MySqlConnector;

namespace EventStore.MySql;

public sealed partial class MySqlEventStore
{
    /// <inheritdoc />
    public override async Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(
        string streamId, long fromVersion = 1, int maxCount = int.MaxValue, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = Command(connection, MySqlStatements.ReadStream, streamId);
            command.Parameters.AddWithValue("@from", fromVersion);
            command.Parameters.AddWithValue("@max", maxCount);
            return await ReadEventsAsync(command, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public override Task<IReadOnlyList<RecordedEvent>> ReadAllAsync(long fromPosition, int maxCount, CancellationToken cancellationToken = default) =>
        ReadGlobalOrderAsync(MySqlStatements.ReadAll, fromPosition, maxCount, null, ToRecordedEvent, cancellationToken);

    /// <inheritdoc />
    public override Task<IReadOnlyList<EventHeader>> ReadAllHeadersAsync(
        long fromPosition, int maxCount, IReadOnlySet<string> payloadTypes, CancellationToken cancellationToken = default) =>
        ReadGlobalOrderAsync(MySqlStatements.ReadAllHeaders, fromPosition, maxCount, PayloadTypeList.Format(payloadTypes), ToEventHeader, cancellationToken);

    // Positions are handed out in commit order (MySqlStatements.ConditionalAppend), so a snapshot read sees a prefix of
    // the global order: nothing it passes over can commit later.
    private async Task<IReadOnlyList<T>> ReadGlobalOrderAsync<T>(
        string sql, long fromPosition, int maxCount, string? types, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = Command(connection, sql);
            command.Parameters.AddWithValue("@from", fromPosition);
            command.Parameters.AddWithValue("@max", maxCount);
            if (types is not null)
                command.Parameters.AddWithValue("@types", types);
            return await ReadRowsAsync(command, map, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public override async Task<long> ReadHeadPositionAsync(CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = Command(connection, MySqlStatements.HeadPosition);
            return await FirstInt64Async(command, cancellationToken).ConfigureAwait(false) ?? 0;
        }
    }

    /// <inheritdoc />
    public override async Task<StreamMetadata?> GetStreamAsync(string streamId, CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = Command(connection, MySqlStatements.SelectStream, streamId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                return null;
            return new StreamMetadata(reader.GetString(0), reader.GetInt64(1), Utc(reader.GetDateTime(2)), Utc(reader.GetDateTime(3)));
        }
    }

    /// <inheritdoc />
    public override async Task<StoredDocument<T>?> LoadDocumentAsync<T>(string projection, string id, CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = Command(connection, MySqlStatements.LoadDocument);
            command.Parameters.AddWithValue("@projection", projection);
            command.Parameters.AddWithValue("@id", id);
            var documents = await ReadDocumentsAsync<T>(command, cancellationToken).ConfigureAwait(false);
            return documents.Count > 0 ? documents[0] : null;
        }
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<StoredDocument<T>>> ListDocumentsAsync<T>(string projection, int maxCount, CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = Command(connection, MySqlStatements.ListDocuments);
            command.Parameters.AddWithValue("@projection", projection);
            command.Parameters.AddWithValue("@max", maxCount);
            return await ReadDocumentsAsync<T>(command, cancellationToken).ConfigureAwait(false);
        }
    }

    // Rows of (data, stream_version, updated_at), from documents or documents_rebuild.
    private async Task<IReadOnlyList<StoredDocument<T>>> ReadDocumentsAsync<T>(MySqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var documents = new List<StoredDocument<T>>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            documents.Add(new StoredDocument<T>(_types.DeserializeDocument<T>(reader.GetString(0)), reader.GetInt64(1), Utc(reader.GetDateTime(2))));
        return documents;
    }

    private Task<IReadOnlyList<RecordedEvent>> ReadEventsAsync(MySqlCommand command, CancellationToken cancellationToken) =>
        ReadRowsAsync(command, ToRecordedEvent, cancellationToken);

    private static async Task<IReadOnlyList<T>> ReadRowsAsync<T>(MySqlCommand command, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            do
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    rows.Add(map(reader));
            }
            while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false));
        }

        return rows;
    }

    private EventHeader ToEventHeader(DbDataReader row)
    {
        var type = row.GetString(3);
        return new EventHeader(row.GetInt64(0), row.GetString(1), row.GetInt64(2), type, row.IsDBNull(4) ? null : _types.Deserialize(type, row.GetString(4)));
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
            Data: _types.Deserialize(type, row.GetString(5)),
            RecordedAt: Utc(row.GetDateTime(8)),
            CorrelationId: row.IsDBNull(6) ? null : Guids.FromBytes((byte[])row[6]),
            CausationId: row.IsDBNull(7) ? null : Guids.FromBytes((byte[])row[7]));
    }

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
