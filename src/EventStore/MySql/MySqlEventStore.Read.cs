using System.Data.Common;
using MySqlConnector;

namespace EventStore.MySql;

public sealed partial class MySqlEventStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(
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
    public async Task<IReadOnlyList<RecordedEvent>> ReadAllAsync(long fromPosition, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // A page whose positions run from fromPosition without a hole cannot be hiding an append in flight
            // inside its range, so the cheap snapshot read is enough. Otherwise (a hole: an append not yet
            // committed, or one rolled back) read again with the locking read, which waits until it is resolved.
            var page = await ReadAllPageAsync(connection, MySqlStatements.ReadAll, fromPosition, maxCount, cancellationToken).ConfigureAwait(false);
            if (page.Count == 0 || (page[0].Position == fromPosition && page[^1].Position - fromPosition == page.Count - 1))
                return page;
            return await ReadAllPageAsync(connection, MySqlStatements.ReadAllLocking, fromPosition, maxCount, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<IReadOnlyList<RecordedEvent>> ReadAllPageAsync(MySqlConnection connection, string sql, long fromPosition, int maxCount, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, sql);
        command.Parameters.AddWithValue("@from", fromPosition);
        command.Parameters.AddWithValue("@max", maxCount);
        // The locking read may wait for an append in flight; that wait is the point, so no command timeout.
        command.CommandTimeout = 0;
        return await ReadEventsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<long> ReadHeadPositionAsync(CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = Command(connection, MySqlStatements.HeadPosition);
            return await FirstInt64Async(command, cancellationToken).ConfigureAwait(false) ?? 0;
        }
    }

    /// <inheritdoc />
    public async Task<StreamMetadata?> GetStreamAsync(string streamId, CancellationToken cancellationToken = default)
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
    public async Task<StoredDocument<T>?> LoadDocumentAsync<T>(string projection, string id, CancellationToken cancellationToken = default)
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
    public async Task<IReadOnlyList<StoredDocument<T>>> ListDocumentsAsync<T>(string projection, int maxCount, CancellationToken cancellationToken = default)
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

    private async Task<IReadOnlyList<RecordedEvent>> ReadEventsAsync(MySqlCommand command, CancellationToken cancellationToken)
    {
        var events = new List<RecordedEvent>();
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            // The statement may be preceded by SET TRANSACTION, whose (empty) result comes first.
            do
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    events.Add(ToRecordedEvent(reader));
            }
            while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false));
        }

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
            RecordedAt: Utc(row.GetDateTime(8)),
            CorrelationId: row.IsDBNull(6) ? null : Guids.FromBytes((byte[])row[6]),
            CausationId: row.IsDBNull(7) ? null : Guids.FromBytes((byte[])row[7]));
    }

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
