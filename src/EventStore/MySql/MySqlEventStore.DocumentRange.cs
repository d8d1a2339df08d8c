namespace EventStore.MySql;

public sealed partial class MySqlEventStore
{
    /// <inheritdoc />
    public override async Task<IReadOnlyList<DocumentEntry<T>>> ListDocumentsAsync<T>(string projection, DocumentRange range, CancellationToken cancellationToken = default)
    {
        PrefixRange.Validate(range);
        var upper = PrefixRange.UpperBound(range.Prefix);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = Command(connection, MySqlStatements.ListDocumentRange(upper is not null, range.After is not null, range.Descending));
            command.Parameters.AddWithValue("@projection", projection);
            command.Parameters.AddWithValue("@prefix", range.Prefix);
            command.Parameters.AddWithValue("@upper", upper);
            command.Parameters.AddWithValue("@after", range.After);
            command.Parameters.AddWithValue("@max", range.MaxCount);
            return await ReadRowsAsync(command, row => new DocumentEntry<T>(
                row.GetString(0), _types.DeserializeDocument<T>(row.GetString(1)), row.GetInt64(2), Utc(row.GetDateTime(3))), cancellationToken).ConfigureAwait(false);
        }
    }
}
