using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace EventStore.Sqlite;

public sealed partial class SqliteEventStore
{
    /// <inheritdoc />
    public override async Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(
        string streamId, long fromVersion = 1, int maxCount = int.MaxValue, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = Command(connection, SqliteStatements.ReadStream, streamId);
            command.Parameters.AddWithValue("@from", fromVersion);
            command.Parameters.AddWithValue("@max", maxCount);
            return await ReadEventsAsync(command, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<RecordedEvent>> ReadAllAsync(long fromPosition, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = Command(connection, SqliteStatements.ReadAll);
            command.Parameters.AddWithValue("@from", fromPosition);
            command.Parameters.AddWithValue("@max", maxCount);
            return await ReadEventsAsync(command, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<EventHeader>> ReadAllHeadersAsync(
        long fromPosition, int maxCount, IReadOnlySet<string> payloadTypes, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        var types = PayloadTypeList.Format(payloadTypes);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = Command(connection, SqliteStatements.ReadAllHeaders);
            command.Parameters.AddWithValue("@from", fromPosition);
            command.Parameters.AddWithValue("@max", maxCount);
            command.Parameters.AddWithValue("@types", types);
            var headers = new List<EventHeader>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var type = reader.GetString(3);
                headers.Add(new EventHeader(
                    reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), type, reader.IsDBNull(4) ? null : _types.Deserialize(type, reader.GetString(4))));
            }

            return headers;
        }
    }

    /// <inheritdoc />
    public override async Task<long> ReadHeadPositionAsync(CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = Command(connection, SqliteStatements.HeadPosition);
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <inheritdoc />
    public override async Task<bool> ConfirmVersionAsync(string streamId, long version, CancellationToken cancellationToken = default) =>
        ((await GetStreamAsync(streamId, cancellationToken).ConfigureAwait(false))?.Version ?? 0) == version;

    /// <inheritdoc />
    public override async Task<StreamMetadata?> GetStreamAsync(string streamId, CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = Command(connection, SqliteStatements.SelectStream, streamId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                return null;
            return new StreamMetadata(reader.GetString(0), reader.GetInt64(1), SqliteTime.Parse(reader.GetString(2)), SqliteTime.Parse(reader.GetString(3)));
        }
    }

    /// <inheritdoc />
    public override async Task<StoredDocument<T>?> LoadDocumentAsync<T>(string projection, string id, CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = Command(connection, SqliteStatements.LoadDocument);
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
            await using var command = Command(connection, SqliteStatements.ListDocuments);
            command.Parameters.AddWithValue("@projection", projection);
            command.Parameters.AddWithValue("@max", maxCount);
            return await ReadDocumentsAsync<T>(command, cancellationToken).ConfigureAwait(false);
        }
    }

    // Rows of (data, stream_version, updated_at), from documents or documents_rebuild.
    private async Task<IReadOnlyList<StoredDocument<T>>> ReadDocumentsAsync<T>(SqliteCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var documents = new List<StoredDocument<T>>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            documents.Add(new StoredDocument<T>(_types.DeserializeDocument<T>(reader.GetString(0)), reader.GetInt64(1), SqliteTime.Parse(reader.GetString(2))));
        return documents;
    }

    private async Task<IReadOnlyList<RecordedEvent>> ReadEventsAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var events = new List<RecordedEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            events.Add(ToRecordedEvent(reader));
        return events;
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
            RecordedAt: SqliteTime.Parse(row.GetString(8)),
            CorrelationId: row.IsDBNull(6) ? null : Guids.FromBytes((byte[])row[6]),
            CausationId: row.IsDBNull(7) ? null : Guids.FromBytes((byte[])row[7]));
    }
}
