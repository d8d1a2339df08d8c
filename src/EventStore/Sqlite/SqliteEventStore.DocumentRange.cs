namespace EventStore.Sqlite;

public sealed partial class SqliteEventStore
{
    /// <inheritdoc />
    public override async Task<IReadOnlyList<DocumentEntry<T>>> ListDocumentsAsync<T>(string projection, DocumentRange range, CancellationToken cancellationToken = default)
    {
        PrefixRange.Validate(range);
        var upper = PrefixRange.UpperBound(range.Prefix);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = Command(connection, SqliteStatements.ListDocumentRange(upper is not null, range.After is not null, range.Descending));
            command.Parameters.AddWithValue("@projection", projection);
            command.Parameters.AddWithValue("@prefix", range.Prefix);
            command.Parameters.AddWithValue("@upper", (object?)upper ?? DBNull.Value);
            command.Parameters.AddWithValue("@after", (object?)range.After ?? DBNull.Value);
            command.Parameters.AddWithValue("@max", range.MaxCount);
            var entries = new List<DocumentEntry<T>>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                entries.Add(new DocumentEntry<T>(
                    reader.GetString(0), _types.DeserializeDocument<T>(reader.GetString(1)), reader.GetInt64(2), SqliteTime.Parse(reader.GetString(3))));
            }

            return entries;
        }
    }
}
